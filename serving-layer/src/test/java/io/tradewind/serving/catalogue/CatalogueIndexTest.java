package io.tradewind.serving.catalogue;

import static io.tradewind.serving.catalogue.CatalogueFixture.ITEMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.views.ItemStat;
import io.tradewind.contracts.views.PopularityView;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.embedded.EmbeddedElasticsearch;
import io.tradewind.serving.store.StoreUnavailableException;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions, alias swaps, rollback, retention, failed builds, admin categories and outages on a real server. */
class CatalogueIndexTest {
    @TempDir
    static File workDir;
    static EmbeddedElasticsearch server;
    static ElasticsearchConnection es;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedElasticsearch.start(workDir);
        es = ElasticsearchConnection.builder(server.uri())
                .connectTimeout(Duration.ofMillis(500))
                .socketTimeout(Duration.ofSeconds(3))
                .open();
    }

    @AfterAll
    static void stop() {
        if (es != null) {
            es.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void searchesSeeOneWholeVersionWhileTheAliasSwaps() throws Exception {
        CatalogueIndex index = new CatalogueIndex(es, "swap", 3);
        ProductSearch search = new ProductSearch(es, "swap");
        List<ItemStat> v2 = new ArrayList<>(ITEMS);
        v2.add(CatalogueFixture.item("99999", "NEW SEASON HEART LANTERN", null, 4.25, "France", 3));
        index.build("v1", ITEMS, List.of(), ProgressListener.NONE);

        List<Long> seen = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread shopper = new Thread(() -> {
            while (running.get()) {
                try {
                    seen.add(search.search(new SearchRequest(null, null, null, null, null, 1, 1), Optional.empty())
                            .total());
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        });
        shopper.start();
        Thread.sleep(200);
        CatalogueBuild build = index.build("v2", v2, List.of(), ProgressListener.NONE);
        Thread.sleep(200);
        running.set(false);
        shopper.join();

        assertEquals(List.of(), failures);
        assertEquals(Optional.of("swap-v1"), build.previousIndex());
        int firstNew = seen.indexOf((long) v2.size());
        assertTrue(firstNew > 0, "searched before and after the swap: " + seen.size());
        assertTrue(seen.subList(0, firstNew).stream().allMatch(t -> t == ITEMS.size()), "only v1 before");
        assertTrue(seen.subList(firstNew, seen.size()).stream().allMatch(t -> t == v2.size()), "only v2 after");
        assertEquals("NEW SEASON HEART LANTERN", search.search(SearchRequest.text("lantern"), Optional.empty())
                .hits().get(0).title());
    }

    @Test
    void rollbackReturnsToTheVersionBefore() {
        CatalogueIndex index = new CatalogueIndex(es, "rollback", 3);
        ProductSearch search = new ProductSearch(es, "rollback");
        index.build("20111209T000000Z", ITEMS.subList(0, 5), List.of(), ProgressListener.NONE);
        index.build("20111210T000000Z", ITEMS, List.of(), ProgressListener.NONE);
        assertEquals(ITEMS.size(), browseTotal(search));

        assertEquals("rollback-20111209t000000z", index.rollback());
        assertEquals(Optional.of("rollback-20111209t000000z"), index.liveIndex());
        assertEquals(5, browseTotal(search));
        IllegalStateException none = assertThrows(IllegalStateException.class, index::rollback);
        assertTrue(none.getMessage().contains("no earlier catalogue index"), none.getMessage());
    }

    @Test
    void aFailedBuildLeavesTheAliasOnTheOldIndex() {
        CatalogueIndex index = new CatalogueIndex(es, "failed", 3);
        ProductSearch search = new ProductSearch(es, "failed");
        index.build("v1", ITEMS, List.of(), ProgressListener.NONE);
        List<ItemStat> broken = new ArrayList<>(ITEMS);
        // A keyword longer than Lucene's 32 kB term limit: Elasticsearch rejects this one document of the bulk.
        broken.add(CatalogueFixture.item("BROKEN", "BROKEN ITEM", "x".repeat(40_000), 1.0, "France", 1));
        RecordingProgress progress = new RecordingProgress();

        CatalogueBuildException e = assertThrows(CatalogueBuildException.class,
                () -> index.build("v2", broken, List.of(), progress));

        assertTrue(e.getMessage().contains("BROKEN"), e.getMessage());
        assertEquals(Optional.of("failed-v1"), index.liveIndex());
        assertEquals(List.of("failed-v1"), index.indices().stream().map(CatalogueIndexInfo::index).toList());
        assertEquals(ITEMS.size(), browseTotal(search));
        assertTrue(progress.finished, "progress closed even on failure");
    }

    @Test
    void retentionKeepsTheNewestIndicesAndReportsProgress() {
        CatalogueIndex index = new CatalogueIndex(es, "retention", 2);
        List<ItemStat> many = new ArrayList<>();
        for (int i = 0; i < CatalogueIndex.BULK_BATCH + 20; i++) {
            many.add(CatalogueFixture.item("X" + i, "ITEM NUMBER " + i, null, 1.0 + i % 7, "France", 1 + i % 5));
        }
        RecordingProgress progress = new RecordingProgress();
        index.build("v1", ITEMS, List.of(), ProgressListener.NONE);
        index.build("v2", ITEMS, List.of(), ProgressListener.NONE);
        index.build("v3", ITEMS, List.of(), ProgressListener.NONE);
        CatalogueBuild last = index.build("v4", many, List.of(), progress);

        assertEquals(List.of("retention-v4", "retention-v3"),
                index.indices().stream().map(CatalogueIndexInfo::index).toList());
        assertEquals(List.of("retention-v2"), last.deletedIndices());
        assertEquals(many.size(), last.items());
        assertEquals(List.of((long) CatalogueIndex.BULK_BATCH, 20L), progress.advances);
        assertEquals(many.size(), progress.total);
        // Rebuilding a version that is live gets its own index beside it.
        assertEquals("retention-v4-2", index.build("v4", ITEMS, List.of(), ProgressListener.NONE).index());
    }

    @Test
    void adminCategoriesAreSetClearedAndSurviveTheNextBuild() {
        CatalogueIndex index = new CatalogueIndex(es, "categories", 3);
        ProductSearch search = new ProductSearch(es, "categories");
        List<ItemStat> uncategorised = ITEMS.stream()
                .map(i -> new ItemStat(i.itemId(), i.title(), null, i.meanUnitPrice(), i.buyers(), i.buyersByCountry()))
                .toList();
        index.build("v1", uncategorised, List.of(), ProgressListener.NONE);

        CategoryUpdate update = index.setCategory(List.of("85123A", "21733", "NO-SUCH-ITEM"), "Lighting");
        assertEquals(new CategoryUpdate(2, List.of("NO-SUCH-ITEM")), update);
        assertEquals(2, lighting(search).total());

        index.build("v2", uncategorised, List.of(), ProgressListener.NONE);
        assertEquals(2, lighting(search).total(), "carried over from the live index");
        assertEquals("Lighting", lighting(search).hits().get(0).category());

        index.setCategory(List.of("21733"), null);
        assertEquals(List.of("85123A"), lighting(search).hits().stream().map(SearchHit::itemId).toList());
        assertThrows(IllegalArgumentException.class, () -> index.setCategory(List.of("85123A"), " "));
        assertThrows(IllegalStateException.class,
                () -> new CatalogueIndex(es, "never-built", 3).setCategory(List.of("85123A"), "Lighting"));
    }

    @Test
    void buildsFromABatchViewVersion() throws Exception {
        ViewStore views = new ViewStore(new File(workDir, "views").getAbsolutePath(), new Configuration());
        ViewStore.VersionWriter writer = views.newVersion("20111210T013000Z");
        writer.writeJsonLines("items.jsonl", ITEMS);
        writer.writeJsonLines("popularity.jsonl", CatalogueFixture.popularity(ITEMS));
        writer.writeJson(ViewStore.MANIFEST, Map.of("version", writer.version()));
        writer.complete();

        CatalogueBuild build = new CatalogueIndex(es, "views", 3).build(views, "20111210T013000Z",
                ProgressListener.NONE);

        assertEquals("views-20111210t013000z", build.index());
        assertEquals(ITEMS.size(), build.items());
        SearchResult french = new ProductSearch(es, "views").search(SearchRequest.text("heart"),
                Optional.of(new UserAffinity("France", null, List.of(), List.of())));
        assertEquals(List.of("popular in your country (France)"), french.hits().get(0).why());
    }

    @Test
    void anOutageIsReportedQuicklyAndTheSameSearchWorksAfterARestart() throws Exception {
        CatalogueIndex index = new CatalogueIndex(es, "outage", 3);
        ProductSearch search = new ProductSearch(es, "outage");
        assertThrows(StoreUnavailableException.class, () -> browseTotal(search), "nothing built yet");
        index.build("v1", ITEMS, List.of(), ProgressListener.NONE);

        server.stop();
        try {
            long started = System.nanoTime();
            StoreUnavailableException down = assertThrows(StoreUnavailableException.class,
                    () -> browseTotal(search));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 2_000, "took " + millis + " ms: " + down.getMessage());
            assertThrows(StoreUnavailableException.class,
                    () -> index.build("v2", ITEMS, List.of(), ProgressListener.NONE));
        } finally {
            server.restart();
        }
        assertEquals(ITEMS.size(), browseTotal(search));
        assertEquals(Optional.of("outage-v1"), index.liveIndex());
    }

    private static long browseTotal(ProductSearch search) {
        return search.search(new SearchRequest(null, null, null, null, null, 1, 1), Optional.empty()).total();
    }

    private static SearchResult lighting(ProductSearch search) {
        return search.search(new SearchRequest(null, null, "Lighting", null, null, 1, 10), Optional.empty());
    }

    /** Keeps what a build reports, as the launcher's progress bar would show it. */
    static final class RecordingProgress implements ProgressListener {
        final List<Long> advances = new ArrayList<>();
        long total;
        boolean finished;

        @Override
        public void start(String task, long totalUnits) {
            total = totalUnits;
        }

        @Override
        public void advance(long units) {
            advances.add(units);
        }

        @Override
        public void finish() {
            finished = true;
        }
    }
}
