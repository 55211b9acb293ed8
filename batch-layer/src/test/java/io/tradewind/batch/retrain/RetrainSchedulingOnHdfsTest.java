package io.tradewind.batch.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.views.RetrainLock;
import io.tradewind.contracts.views.RetrainLockOwner;
import io.tradewind.contracts.views.RetrainLockedException;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retrains sharing one views root on a real HDFS: the lock, a backfill, the lock after a failure. */
class RetrainSchedulingOnHdfsTest {
    private static final Instant AS_OF = Instant.parse("2011-12-01T00:00:00Z");

    @TempDir
    static Path tmp;
    static EmbeddedHdfs hdfs;
    static String events;
    static String views;
    static String current;

    @BeforeAll
    static void importAndRetrain() throws Exception {
        hdfs = EmbeddedHdfs.start(tmp.resolve("hdfs").toFile(), true);
        events = hdfs.uri() + "/tradewind/events";
        views = hdfs.uri() + "/tradewind/views";
        RetrainOnHdfsTest.importShopHistory(hdfs, tmp, events);
        current = pipeline().run(RetrainOptions.defaults(events, views, AS_OF)).version();
    }

    @AfterAll
    static void stop() {
        hdfs.close();
    }

    @Test
    void aSecondRetrainOnALockedRootStopsNamingTheHolderAndWritesNothing() throws Exception {
        ViewStore store = store();
        List<String> before = store.versions();
        RetrainLockOwner first = RetrainLockOwner.thisProcess(AS_OF);
        try (RetrainLock held = RetrainLock.acquire(store, first, RetrainLock.DEFAULT_TIMEOUT, false)) {
            RetrainLockedException refused = assertThrows(RetrainLockedException.class,
                    () -> pipeline().run(RetrainOptions.defaults(events, views, AS_OF)));
            assertTrue(refused.getMessage().contains("locked by another retrain: host " + first.host() + ", pid "
                    + first.pid() + ", user " + first.user() + ", since " + first.startedAt()), refused.getMessage());
        }
        assertEquals(before, store.versions());
        assertEquals(Optional.of(current), store.current());
    }

    @Test
    void aBackfillWritesItsVersionAndLeavesCurrentAlone() throws Exception {
        Instant past = Instant.parse("2011-10-01T00:00:00Z");
        RetrainPipeline.Result backfill = pipeline().run(RetrainOptions.defaults(events, views, past));
        ViewStore store = store();
        assertTrue(store.versions().contains(backfill.version()), "the backfill's version is complete");
        assertEquals(Optional.of(past), store.asOf(backfill.version()));
        assertEquals(Optional.of(current), store.current(), "CURRENT keeps the later as-of");
        assertTrue(backfill.currentKeptBecause().orElseThrow().startsWith("CURRENT stays at " + current + " (as of "
                + AS_OF + "): this version's as-of " + past + " is earlier, a backfill"), backfill.currentKeptBecause().get());
        assertFalse(fs().exists(lockFile()), "released");
    }

    /** Own views root: these runs move CURRENT, which the other tests expect to stay. */
    @Test
    void aReRunWritesANewVersionWithTheSameRowsAndABackfillTakesCurrentOnlyWithActivate() throws Exception {
        String root = hdfs.uri() + "/tradewind/views-rerun";
        RetrainPipeline.Result first = pipeline().run(RetrainOptions.defaults(events, root, AS_OF));
        RetrainPipeline.Result again = pipeline().run(RetrainOptions.defaults(events, root, AS_OF));
        ViewStore store = new ViewStore(root, hdfs.configuration());
        assertFalse(first.version().equals(again.version()), "a new version beside the first");
        assertEquals(List.of(first.version(), again.version()), store.versions());
        assertEquals(Optional.of(again.version()), store.current(), "the same as-of is not a backfill");
        for (String file : List.of("portraits.jsonl", "popularity.jsonl", "toplists/FreshBlend.jsonl", "neighbours.jsonl")) {
            assertEquals(read(root, first.version(), file), read(root, again.version(), file), file);
        }

        RetrainPipeline.Result activated = pipeline().run(RetrainOptions.defaults(events, root,
                Instant.parse("2011-10-01T00:00:00Z")), new SchedulingOptions(RetrainLock.DEFAULT_TIMEOUT, false, true));
        assertEquals(Optional.empty(), activated.currentKeptBecause());
        assertEquals(Optional.of(activated.version()), store.current(), "--activate makes a backfill current");
    }

    @Test
    void aStaleLockIsReportedBrokenOnRequestAndReleasedWhenTheRetrainFails() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        RetrainLockOwner me = RetrainLockOwner.thisProcess(AS_OF);
        try (OutputStream out = fs().create(lockFile(), false)) {
            out.write(("{\"id\":\"dead\",\"host\":\"" + me.host() + "\",\"pid\":" + finished.pid() + ",\"user\":\"ops\","
                    + "\"startedAt\":\"" + Instant.now() + "\",\"asOf\":\"" + AS_OF + "\",\"command\":\"retrain\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        RetrainOptions tooEarly = RetrainOptions.defaults(events, views, Instant.parse("2010-06-01T00:00:00Z"));
        RetrainLockedException stale = assertThrows(RetrainLockedException.class, () -> pipeline().run(tooEarly));
        assertTrue(stale.stale() && stale.getMessage().contains("re-run with --break-lock"), stale.getMessage());

        SchedulingOptions breakIt = new SchedulingOptions(RetrainLock.DEFAULT_TIMEOUT, true, false);
        IllegalArgumentException failed = assertThrows(IllegalArgumentException.class,
                () -> pipeline().run(tooEarly, breakIt));
        assertTrue(failed.getMessage().startsWith("no events before --as-of"), "it got past the lock: " + failed);
        assertFalse(fs().exists(lockFile()), "a failed retrain releases its lock");
        assertEquals(Optional.of(current), store().current());
    }

    private static String read(String root, String version, String file) throws java.io.IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(root + "/" + version + "/" + file);
        try (var in = fs().open(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static RetrainPipeline pipeline() {
        return new RetrainPipeline(hdfs.configuration(), ProgressListener.NONE);
    }

    private static FileSystem fs() throws java.io.IOException {
        return lockFile().getFileSystem(hdfs.configuration());
    }

    private static ViewStore store() {
        return new ViewStore(views, hdfs.configuration());
    }

    private static org.apache.hadoop.fs.Path lockFile() {
        return new org.apache.hadoop.fs.Path(views + "/" + RetrainLock.FILE);
    }
}
