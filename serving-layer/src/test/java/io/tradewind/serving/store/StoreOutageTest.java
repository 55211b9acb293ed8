package io.tradewind.serving.store;

import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.contracts.hbase.UserLists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.core.progress.ProgressListener;
import io.tradewind.serving.SharedHBase;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HBase going away makes reads fail fast with {@link StoreUnavailableException}; the same store instance answers
 * again once HBase is back. {@code EmbeddedHBase.stop()} keeps ZooKeeper, HDFS and the tables, so the data
 * survives the restart and nothing is reloaded.
 */
@ExtendWith(SharedHBase.class)
class StoreOutageTest {
    private static final Logger LOG = LoggerFactory.getLogger(StoreOutageTest.class);
    /** The settings give 2 s per call; allow for two busy cores. */
    private static final long FAIL_WITHIN_MILLIS = 8_000;
    private static final long RECOVER_WITHIN_MILLIS = 120_000;

    @TempDir
    File views;

    @Test
    void readsFailFastWhileHBaseIsDownAndTheSameStoreRecovers() throws Exception {
        HBaseStoreSettings settings = SharedHBase.freshSettings();
        TestViews.Written v1 = new TestViews(views.toURI().toString()).write("20111210T010000Z", 10, 1f);
        new BatchViewLoader(SharedHBase.loadingConnection(), settings, new Configuration(), ProgressListener.NONE)
                .load(views.toURI().toString(), v1.version());
        String user = TestViews.user(4);
        UserLists expected = TestViews.expected(v1.topList("EASE", user));

        try (HBaseServingStore store = HBaseServingStore.open(SharedHBase.configuration(), settings)) {
            store.registry().activate(v1.version());
            assertEquals(expected, store.userLists(v1.version(), "EASE", user).orElseThrow());

            SharedHBase.hbase().stop();
            try {
                for (Runnable read : new Runnable[] {
                        () -> store.userLists(v1.version(), "EASE", user),
                        store::activeVersion,
                        () -> store.realtime(user)}) {
                    long started = System.nanoTime();
                    assertThrows(StoreUnavailableException.class, read::run);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    LOG.info("a read failed {} ms after it started, HBase down", millis);
                    assertTrue(millis < FAIL_WITHIN_MILLIS, "took " + millis + " ms to fail");
                }
            } finally {
                SharedHBase.hbase().restart();
            }

            long restarted = System.nanoTime();
            Optional<UserLists> answer = Optional.empty();
            Optional<String> active = Optional.empty();
            // Each table's regions come back on their own: wait until both the lists and the registry answer.
            while ((answer.isEmpty() || active.isEmpty())
                    && (System.nanoTime() - restarted) / 1_000_000 < RECOVER_WITHIN_MILLIS) {
                try {
                    answer = store.userLists(v1.version(), "EASE", user);
                    active = store.activeVersion();
                } catch (StoreUnavailableException stillAssigningRegions) {
                    Thread.sleep(250);
                }
            }
            LOG.info("the same store answered {} ms after HBase restarted", (System.nanoTime() - restarted) / 1_000_000);
            assertEquals(expected, answer.orElseThrow(), "same data after the restart, no reload");
            assertEquals(Optional.of(v1.version()), active);
        }
    }

    @Test
    void openingAStoreNeedsNoRunningHBaseCall() throws IOException {
        // The API starts even when HBase is down and degrades per request; opening must not block on HBase.
        try (HBaseServingStore store = HBaseServingStore.open(SharedHBase.configuration(),
                SharedHBase.freshSettings())) {
            assertEquals(Optional.empty(), store.activeVersion());
        }
    }
}
