package io.tradewind.serving.store;

import io.tradewind.contracts.views.ViewJson;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.contracts.hbase.RowKeys;
import io.tradewind.contracts.hbase.ScoredItem;
import io.tradewind.contracts.hbase.ServingTables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.views.NeighboursView;
import io.tradewind.contracts.views.PopularityView;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.serving.SharedHBase;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HRegionLocation;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A version loaded from a views root is served exactly as written; broken versions fail with a precise reason. */
@ExtendWith(SharedHBase.class)
class BatchViewLoaderTest {
    private static final Logger LOG = LoggerFactory.getLogger(BatchViewLoaderTest.class);
    private static final int USERS = 400;
    private static final int REGIONS = 4;

    @TempDir
    static File views;

    private static HBaseStoreSettings settings;
    private static TestViews testViews;
    private static TestViews.Written v1;
    private static LoadSummary firstLoad;
    private static HBaseServingStore store;
    private static final AtomicLong progressUnits = new AtomicLong();

    @BeforeAll
    static void loadOneVersion() throws IOException {
        settings = SharedHBase.freshSettings().withRegionsPerTable(REGIONS);
        testViews = new TestViews(views.toURI().toString());
        v1 = testViews.write("20111210T010000Z", USERS, 1f);
        firstLoad = loader(new ProgressListener() {
            @Override
            public void start(String task, long totalUnits) {
            }

            @Override
            public void advance(long units) {
                progressUnits.addAndGet(units);
            }

            @Override
            public void finish() {
            }
        }).load(views.toURI().toString(), v1.version());
        LOG.info("loaded {} rows in {} ms", firstLoad.totalRows(), firstLoad.millis());
        store = HBaseServingStore.open(SharedHBase.configuration(), settings);
    }

    @AfterAll
    static void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private static BatchViewLoader loader(ProgressListener progress) {
        return new BatchViewLoader(SharedHBase.loadingConnection(), settings, new Configuration(), progress);
    }

    @Test
    void rowsLoadedPerFileMatchTheManifestAndProgressCoversThem() {
        Map<String, Long> expected = new HashMap<>(v1.manifest().rowCounts());
        expected.remove("factors-users.jsonl"); // the speed layer reads factors from the views, not from HBase
        assertEquals(expected, firstLoad.rowsPerFile());
        assertEquals(List.of("factors-users.jsonl"), firstLoad.notLoaded());
        assertFalse(firstLoad.reload());
        assertEquals(firstLoad.totalRows(), progressUnits.get());
        assertEquals(VersionState.READY, store.registry().status(v1.version()).orElseThrow().state());
    }

    @Test
    void servesListsPortraitsItemsNeighboursPopularityAndSegmentsAsWritten() throws IOException {
        String v = v1.version();
        for (int u : new int[] {0, 1, USERS / 2, USERS - 1}) {
            String user = TestViews.user(u);
            for (String model : TestViews.MODELS) {
                assertEquals(TestViews.expected(v1.topList(model, user)), store.userLists(v, model, user).orElseThrow());
            }
            assertEquals(json(v1.portrait(user)), json(store.portrait(v, user).orElseThrow()));
        }
        for (int i : new int[] {0, 17, 39}) {
            String item = TestViews.item(i);
            assertEquals(v1.items().get(i), store.item(v, item).orElseThrow());
            NeighboursView written = v1.neighbours().get(i);
            assertEquals(written.neighbours().stream().map(n -> new ScoredItem(n.item(), n.similarity())).toList(),
                    store.neighbours(v, item));
        }
        for (PopularityView group : v1.popularity()) {
            assertEquals(group.items(), store.popularity(v, group.scope(), group.group()), group.group());
        }
        assertEquals(json(v1.segments()), json(store.segments(v).orElseThrow()));
    }

    @Test
    void readsOfManyItemsOrOfAWholeUserRowAnswerAsTheSingleReads() throws IOException {
        String v = v1.version();
        List<String> asked = List.of(TestViews.item(0), "NOPE", TestViews.item(17), TestViews.item(39));
        assertEquals(Map.of(TestViews.item(0), v1.items().get(0), TestViews.item(17), v1.items().get(17),
                TestViews.item(39), v1.items().get(39)), store.items(v, asked), "one multi-get; unknown ids absent");
        assertEquals(Map.of(), store.items("19990101T000000Z", asked));

        Map<String, ?> all = store.someItems(v, Integer.MAX_VALUE);
        assertEquals(v1.items().size(), all.size(), "a scan for warming finds every item of the version");
        for (int i : new int[] {0, 17, 39}) {
            assertEquals(v1.items().get(i), all.get(TestViews.item(i)));
        }
        assertEquals(5, store.someItems(v, 5).size(), "and stops at the limit");
        assertEquals(Map.of(), store.someItems("19990101T000000Z", 100));

        for (int u : new int[] {0, USERS - 1}) {
            String user = TestViews.user(u);
            ServingStore.UserRow row = store.userRow(v, "EASE", user);
            assertEquals(json(v1.portrait(user)), json(row.portrait().orElseThrow()), "one read: the portrait");
            assertEquals(store.userLists(v, "EASE", user), row.lists(), "the model's lists");
            assertEquals(RealtimeState.EMPTY, row.realtime(), "and the real-time state");
        }
        ServingStore.UserRow unknown = store.userRow(v, "EASE", "99999");
        assertTrue(unknown.portrait().isEmpty() && unknown.lists().isEmpty());
        assertTrue(store.userRow("19990101T000000Z", "EASE", TestViews.user(0)).portrait().isEmpty(),
                "another version's portrait is not this one's");
    }

    @Test
    void unknownKeysAreEmptyAnswers() {
        String v = v1.version();
        assertTrue(store.userLists(v, "EASE", "99999").isEmpty());
        assertTrue(store.userLists(v, "NoSuchModel", TestViews.user(0)).isEmpty());
        assertTrue(store.userLists("19990101T000000Z", "EASE", TestViews.user(0)).isEmpty());
        assertTrue(store.portrait(v, "99999").isEmpty());
        assertTrue(store.item(v, "NOPE").isEmpty());
        assertEquals(List.of(), store.neighbours(v, "NOPE"));
        assertEquals(List.of(), store.popularity(v, PopularityView.COUNTRY, "Atlantis"));
        assertTrue(store.segments("19990101T000000Z").isEmpty());
        assertEquals(List.of(), store.realtime(TestViews.user(0)));
    }

    @Test
    void sequentialCustomerIdsSpreadOverEveryPreSplitRegion() throws IOException {
        ServingTables tables = new ServingTables(settings.namespace());
        Map<String, Integer> usersPerRegion = new HashMap<>();
        try (RegionLocator locator = SharedHBase.loadingConnection().getRegionLocator(tables.users)) {
            assertEquals(REGIONS, locator.getAllRegionLocations().size());
            for (int u = 0; u < USERS; u++) {
                HRegionLocation region = locator.getRegionLocation(RowKeys.salted(TestViews.user(u)));
                usersPerRegion.merge(region.getRegion().getEncodedName(), 1, Integer::sum);
            }
        }
        LOG.info("{} sequential customer ids per region: {}", USERS, usersPerRegion.values());
        assertEquals(REGIONS, usersPerRegion.size());
        // An even share is 25 %; unsalted ids would put all of them in one region.
        usersPerRegion.values().forEach(n -> assertTrue(n > USERS * 0.15, "region with only " + n + " users"));
    }

    @Test
    void reloadingTheSameVersionChangesNothing() throws IOException {
        VersionStatus before = store.registry().status(v1.version()).orElseThrow();
        LoadSummary again = loader(ProgressListener.NONE).load(views.toURI().toString(), v1.version());
        assertTrue(again.reload());
        assertEquals(firstLoad.rowsPerFile(), again.rowsPerFile());
        assertEquals(before, store.registry().status(v1.version()).orElseThrow());
        String user = TestViews.user(5);
        assertEquals(TestViews.expected(v1.topList("EASE", user)), store.userLists(v1.version(), "EASE", user)
                .orElseThrow());
    }

    @Test
    void aCorruptLineFailsTheLoadNamingFileAndLine() throws IOException {
        TestViews.Written bad = testViews.write("20111211T010000Z", 30, 2f, TestViews.Damage.CORRUPT_LINE);
        IOException e = assertThrows(IOException.class,
                () -> loader(ProgressListener.NONE).load(views.toURI().toString(), bad.version()));
        assertTrue(e.getMessage().contains(TestViews.CORRUPT_FILE + " line " + TestViews.CORRUPT_LINE_NUMBER),
                e.getMessage());
        VersionStatus status = store.registry().status(bad.version()).orElseThrow();
        assertEquals(VersionState.FAILED, status.state());
        assertTrue(status.error().contains("line " + TestViews.CORRUPT_LINE_NUMBER), status.error());
    }

    @Test
    void aRowCountOtherThanTheManifestsFailsTheLoad() throws IOException {
        TestViews.Written bad = testViews.write("20111212T010000Z", 30, 3f, TestViews.Damage.WRONG_COUNT);
        IOException e = assertThrows(IOException.class,
                () -> loader(ProgressListener.NONE).load(views.toURI().toString(), bad.version()));
        assertTrue(e.getMessage().contains("items.jsonl: read 40 rows but manifest.json says 41"), e.getMessage());
        assertEquals(VersionState.FAILED, store.registry().status(bad.version()).orElseThrow().state());
    }

    /** Not a benchmark (busy shared cores), a guard against a read path that went wrong by an order of magnitude. */
    @Test
    void aListReadIsOneQuickGet() {
        String v = v1.version();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            long t = System.nanoTime();
            store.userLists(v, TestViews.MODELS.get(i % 2), TestViews.user(i % USERS)).orElseThrow();
            micros.add((System.nanoTime() - t) / 1_000);
        }
        long[] sorted = micros.subList(500, micros.size()).stream().mapToLong(Long::longValue).sorted().toArray();
        long p50 = sorted[sorted.length / 2];
        long p99 = sorted[(int) (sorted.length * 0.99)];
        LOG.info("userLists Get, one thread, after warm-up: p50 {} us, p99 {} us, max {} us", p50, p99,
                sorted[sorted.length - 1]);
        assertTrue(p50 < 20_000, "median Get " + p50 + " us");
        assertTrue(Arrays.stream(sorted).average().orElseThrow() < 50_000);
    }

    private static String json(Object value) throws IOException {
        return ViewJson.MAPPER.writeValueAsString(value);
    }
}
