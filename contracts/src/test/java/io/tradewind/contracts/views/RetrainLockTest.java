package io.tradewind.contracts.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retrain lock on a local views root (the batch layer's tests take it on HDFS). */
class RetrainLockTest {
    private static final Duration TIMEOUT = RetrainLock.DEFAULT_TIMEOUT;

    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedWithTheFirstOnesNameUntilItReleases() throws IOException {
        ViewStore store = new ViewStore(dir.toUri().toString(), new Configuration());
        RetrainLockOwner first = RetrainLockOwner.thisProcess(Instant.parse("2011-12-01T00:00:00Z"));
        try (RetrainLock lock = RetrainLock.acquire(store, first, TIMEOUT, false)) {
            RetrainLockedException refused = assertThrows(RetrainLockedException.class, () -> RetrainLock.acquire(store,
                    RetrainLockOwner.thisProcess(Instant.parse("2011-12-02T00:00:00Z")), TIMEOUT, true));
            assertFalse(refused.stale(), "a live holder's lock is never broken, even with --break-lock");
            assertTrue(refused.getMessage().contains("locked by another retrain: host " + first.host() + ", pid "
                    + first.pid() + ", user " + first.user() + ", since " + first.startedAt()
                    + " (as of 2011-12-01T00:00:00Z"), refused.getMessage());
        }
        assertFalse(Files.exists(dir.resolve(RetrainLock.FILE)), "released");
        RetrainLock.acquire(store, RetrainLockOwner.thisProcess(Instant.EPOCH), TIMEOUT, false).close();
    }

    @Test
    void aLockWhoseProcessDiedOnThisHostIsStaleAndOnlyBrokenOnRequest() throws Exception {
        ViewStore store = new ViewStore(dir.toUri().toString(), new Configuration());
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        RetrainLockOwner live = RetrainLockOwner.thisProcess(Instant.EPOCH);
        writeLock(new RetrainLockOwner("dead", live.host(), finished.pid(), "ops", Instant.now().toString(),
                "2011-12-01T00:00:00Z", "tradewind retrain"));

        RetrainLockedException stale = assertThrows(RetrainLockedException.class,
                () -> RetrainLock.acquire(store, live, TIMEOUT, false));
        assertTrue(stale.stale());
        assertTrue(stale.getMessage().contains("stale retrain lock: host " + live.host() + ", pid " + finished.pid()),
                stale.getMessage());
        assertTrue(stale.getMessage().contains("pid " + finished.pid() + " no longer runs on this host; if no retrain "
                + "is running, re-run with --break-lock"), stale.getMessage());

        try (RetrainLock lock = RetrainLock.acquire(store, live, TIMEOUT, true)) {
            assertTrue(Files.readString(dir.resolve(RetrainLock.FILE)).contains(live.id()), "the lock is ours now");
        }
    }

    @Test
    void aLockOnAnotherHostIsStaleOnlyAfterTheTimeout() throws IOException {
        ViewStore store = new ViewStore(dir.toUri().toString(), new Configuration());
        RetrainLockOwner me = RetrainLockOwner.thisProcess(Instant.EPOCH);
        writeLock(new RetrainLockOwner("far", "other-host", 1, "ops", Instant.now().minus(Duration.ofHours(1)).toString(),
                "2011-12-01T00:00:00Z", "tradewind retrain"));
        assertFalse(assertThrows(RetrainLockedException.class, () -> RetrainLock.acquire(store, me, TIMEOUT, true)).stale());

        RetrainLockedException old = assertThrows(RetrainLockedException.class,
                () -> RetrainLock.acquire(store, me, Duration.ofMinutes(30), false));
        assertTrue(old.stale());
        assertTrue(old.getMessage().contains("older than the lock timeout of 30 min"), old.getMessage());
    }

    /** A holder killed between creating the file and writing its name leaves it empty: its age decides. */
    @Test
    void anEmptyLockFileIsHeldWhileYoungAndStaleWhenOld() throws IOException {
        ViewStore store = new ViewStore(dir.toUri().toString(), new Configuration());
        Path file = Files.createFile(dir.resolve(RetrainLock.FILE));
        RetrainLockOwner me = RetrainLockOwner.thisProcess(Instant.EPOCH);
        RetrainLockedException young = assertThrows(RetrainLockedException.class,
                () -> RetrainLock.acquire(store, me, TIMEOUT, true));
        assertFalse(young.stale());
        assertTrue(young.getMessage().contains("names no holder yet (it may be starting)"), young.getMessage());

        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(7))));
        assertTrue(assertThrows(RetrainLockedException.class, () -> RetrainLock.acquire(store, me, TIMEOUT, false)).stale());
        RetrainLock.acquire(store, me, TIMEOUT, true).close();
        assertFalse(Files.exists(file));
    }

    /**
     * On an object store two retrains starting together can both write the lock (a look, then a write); each reads it
     * back after a pause and only the later writer, whose name the file keeps, goes on. The local disk stands in for
     * the store here by running the same confirmation; the race is the later holder's write during the pause.
     */
    @Test
    void whereCreateCanBeRacedTheHolderReadsTheLockBackAndYieldsToALaterWriter() throws Exception {
        ViewStore store = new ViewStore(dir.toUri().toString(), new Configuration());
        RetrainLockOwner early = RetrainLockOwner.thisProcess(Instant.parse("2011-12-01T00:00:00Z"));
        RetrainLockOwner late = new RetrainLockOwner("late", "other-host", 7, "ops", Instant.now().toString(),
                "2011-12-01T00:00:00Z", "tradewind retrain");
        CompletableFuture<RetrainLock> taking = CompletableFuture.supplyAsync(() -> {
            try {
                return RetrainLock.acquire(store, early, TIMEOUT, false, Duration.ofSeconds(3));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Path file = dir.resolve(RetrainLock.FILE);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!(Files.exists(file) && Files.readString(file).contains(early.id())) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        writeLock(late); // the racing retrain's write lands while the early one waits

        CompletionException yielded = assertThrows(CompletionException.class, taking::join);
        RetrainLockedException refused = assertInstanceOf(RetrainLockedException.class, yielded.getCause().getCause());
        assertFalse(refused.stale());
        assertTrue(refused.getMessage().contains("locked by another retrain that started at the same time: "
                + late.describe()), refused.getMessage());
        assertTrue(Files.readString(file).contains("\"late\""), "the winner's lock stays");

        Files.delete(file);
        try (RetrainLock alone = RetrainLock.acquire(store, early, TIMEOUT, false, Duration.ofMillis(200))) {
            assertEquals(early.id(), alone.owner().id(), "unraced, the read-back confirms the holder");
        }
    }

    @Test
    void onlyFileSystemsWithoutAnAtomicCreateWaitToConfirm() {
        assertEquals(Duration.ZERO, RetrainLock.settleFor("hdfs"));
        assertEquals(Duration.ZERO, RetrainLock.settleFor("file"));
        assertEquals(RetrainLock.DEFAULT_SETTLE, RetrainLock.settleFor("s3a"));
        assertEquals(RetrainLock.DEFAULT_SETTLE, RetrainLock.settleFor("gs"));
    }

    private void writeLock(RetrainLockOwner owner) throws IOException {
        Files.write(dir.resolve(RetrainLock.FILE), ViewStore.JSON.writeValueAsBytes(owner));
    }
}
