package io.tradewind.serving.store;

import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.contracts.hbase.RealtimeItem;
import io.tradewind.contracts.hbase.RealtimeListWriter;
import io.tradewind.contracts.hbase.UserLists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.core.progress.ProgressListener;
import io.tradewind.serving.SharedHBase;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Activate, rollback and retention as the API sees them; a broken load never reaches readers. */
@ExtendWith(SharedHBase.class)
class ModelRegistryTest {
    private static final int USERS = 20;
    private static final String USER = TestViews.user(3);

    @TempDir
    File views;

    /** One namespace per test: the active pointer is namespace-wide state. */
    private final HBaseStoreSettings settings = SharedHBase.freshSettings();

    @Test
    void nothingIsActiveOrLoadedBeforeTheFirstLoad() {
        try (HBaseServingStore store = HBaseServingStore.open(SharedHBase.configuration(), settings)) {
            assertEquals(Optional.empty(), store.activeVersion());
            assertEquals(List.of(), store.versions());
            assertTrue(store.userLists("20111210T010000Z", "EASE", USER).isEmpty());
            assertThrows(IllegalStateException.class, () -> store.registry().activate("20111210T010000Z"));
        }
    }

    @Test
    void activateSwitchesTheVersionTheApiReadsAndRollbackGoesBackStepByStep() throws IOException {
        TestViews testViews = new TestViews(views.toURI().toString());
        TestViews.Written v1 = testViews.write("20111210T010000Z", USERS, 1f);
        TestViews.Written v2 = testViews.write("20111211T010000Z", USERS, 2f);
        TestViews.Written v3 = testViews.write("20111212T010000Z", USERS, 3f);
        for (TestViews.Written v : List.of(v1, v2, v3)) {
            load(v.version());
        }
        try (HBaseServingStore store = HBaseServingStore.open(SharedHBase.configuration(), settings)) {
            ModelRegistry registry = store.registry();
            assertEquals(Optional.empty(), store.activeVersion(), "loading alone activates nothing");
            for (TestViews.Written v : List.of(v1, v2, v3)) {
                registry.activate(v.version());
                assertEquals(v, servedVersion(store, v1, v2, v3));
            }
            assertEquals(List.of(v3.version(), v2.version(), v1.version()),
                    store.versions().stream().map(VersionInfo::version).toList(), "newest first");
            assertEquals(List.of(true, false, false), store.versions().stream().map(VersionInfo::active).toList());
            assertEquals(List.of("EASE", "Pop"), store.versions().get(0).models().stream().sorted().toList());

            assertEquals(v2.version(), registry.rollback());
            assertEquals(v2, servedVersion(store, v1, v2, v3));
            assertEquals(v1.version(), registry.rollback());
            assertEquals(v1, servedVersion(store, v1, v2, v3));
            assertThrows(IllegalStateException.class, registry::rollback, "nothing older was ever active");

            List<ActivationEvent> history = registry.history();
            assertEquals(List.of("activate", "activate", "activate", "rollback", "rollback"),
                    history.stream().map(ActivationEvent::action).toList());
            assertEquals(v3.version(), history.get(3).from());
        }
    }

    @Test
    void aFailedLoadLeavesTheActiveVersionServingAndCannotBeActivated() throws IOException {
        TestViews testViews = new TestViews(views.toURI().toString());
        TestViews.Written good = testViews.write("20111210T010000Z", USERS, 1f);
        load(good.version());
        // Same users as the good version, so a half load writes rows the active version is read from.
        TestViews.Written broken = testViews.write("20111211T010000Z", USERS, 2f, TestViews.Damage.CORRUPT_LINE);
        try (HBaseServingStore store = HBaseServingStore.open(SharedHBase.configuration(), settings)) {
            store.registry().activate(good.version());
            assertThrows(IOException.class, () -> load(broken.version()));

            assertEquals(Optional.of(good.version()), store.activeVersion());
            assertEquals(good, servedVersion(store, good, broken));
            assertEquals(VersionState.FAILED, store.registry().status(broken.version()).orElseThrow().state());
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> store.registry().activate(broken.version()));
            assertTrue(refused.getMessage().contains("FAILED"), refused.getMessage());
            assertEquals(List.of(good.version()), store.versions().stream().map(VersionInfo::version).toList());

            assertEquals(List.of(broken.version()), store.registry().applyRetention(), "failed loads are cleaned up");
            assertTrue(store.userLists(broken.version(), "Pop", USER).isEmpty(), "its half-written cells are gone");
            assertTrue(store.portrait(broken.version(), USER).isEmpty());
        }
    }

    @Test
    void retentionKeepsTheActiveThePreviousTwoAndVersionsLoadedAside() throws IOException {
        TestViews testViews = new TestViews(views.toURI().toString());
        String[] v = new String[6];
        for (int i = 0; i < v.length; i++) {
            v[i] = testViews.write("2011121" + i + "T010000Z", USERS, i).version();
            load(v[i]);
        }
        try (HBaseServingStore store = HBaseServingStore.open(SharedHBase.configuration(), settings)) {
            ModelRegistry registry = store.registry();
            List<RealtimeItem> realtime = List.of(new RealtimeItem("22423", 0.7f, "incremental", 5_000L));
            new RealtimeListWriter(SharedHBase.loadingConnection(), settings).replace(USER, realtime);
            for (int i = 0; i < 5; i++) {
                registry.activate(v[i]); // v[5] stays loaded aside, not yet switched on
            }
            assertEquals(2, settings.retainedPreviousVersions());
            assertEquals(List.of(v[0], v[1]), registry.applyRetention());

            assertEquals(List.of(v[5], v[4], v[3], v[2]), store.versions().stream().map(VersionInfo::version).toList());
            assertEquals(Optional.empty(), registry.status(v[0]));
            assertTrue(store.userLists(v[0], "EASE", USER).isEmpty(), "dropped version's cells are gone");
            assertTrue(store.portrait(v[0], USER).isEmpty(), "its portraits too, which share the user's row");
            assertTrue(store.portrait(v[2], USER).isPresent());
            assertEquals(realtime, store.realtime(USER), "the real-time list in the same row carries no version: kept");
            assertTrue(store.item(v[1], TestViews.item(0)).isEmpty());
            assertTrue(store.userLists(v[2], "EASE", USER).isPresent(), "kept versions still serve");
            assertTrue(store.popularity(v[2], "global", "global").size() > 0);

            assertEquals(v[3], registry.rollback());
            assertEquals(v[2], registry.rollback());
            IllegalStateException dropped = assertThrows(IllegalStateException.class, registry::rollback);
            assertTrue(dropped.getMessage().contains(v[1]), dropped.getMessage());
            assertEquals(Optional.of(v[2]), store.activeVersion(), "a refused rollback changes nothing");
            assertEquals(List.of(), registry.applyRetention(), "active v2 with v3, v4 (newer) and v5 kept");
        }
    }

    /** Which of the given versions the store serves now: the active version's lists, read as the API does. */
    private static TestViews.Written servedVersion(HBaseServingStore store, TestViews.Written... candidates) {
        String active = store.activeVersion().orElseThrow();
        UserLists served = store.userLists(active, "EASE", USER).orElseThrow();
        for (TestViews.Written candidate : candidates) {
            if (candidate.version().equals(active)) {
                assertEquals(TestViews.expected(candidate.topList("EASE", USER)), served);
                return candidate;
            }
        }
        throw new AssertionError("active version " + active + " is none of the candidates");
    }

    private void load(String version) throws IOException {
        new BatchViewLoader(SharedHBase.loadingConnection(), settings, new Configuration(), ProgressListener.NONE)
                .load(views.toURI().toString(), version);
    }

    @Test
    void activatingTheActiveVersionIsANoOp() throws IOException {
        TestViews.Written v1 = new TestViews(views.toURI().toString()).write("20111210T010000Z", USERS, 1f);
        load(v1.version());
        ModelRegistry registry = new ModelRegistry(SharedHBase.loadingConnection(), settings);
        registry.activate(v1.version());
        registry.activate(v1.version());
        assertEquals(1, registry.history().size());
        assertFalse(registry.versions().isEmpty());
    }
}
