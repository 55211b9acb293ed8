package io.tradewind.contracts.views;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One retrain at a time per batch-views root: the file {@code <root>/_retrain.lock}, naming its holder, exists
 * while a retrain runs. It covers the whole retrain, not only the switch of {@code CURRENT}: two retrains of the
 * same data would both occupy the cluster for the same result, and the later one to finish would decide what
 * {@code CURRENT} names whatever their as-of.
 *
 * <p>The file is created in one step that fails if it exists (HDFS {@code create} without overwrite is atomic
 * at the NameNode; on a local disk Hadoop checks then creates, so there it is created with {@code O_EXCL}). On an
 * object store (S3A in Hadoop 3.4 has no conditional create) creating is a look then a write, so two retrains
 * starting together can both write the file, the later write winning: there each holder waits a moment longer than
 * that race can last ({@link #DEFAULT_SETTLE}) and reads the file back, and only the one it names goes on.
 * A lock whose holder died is never taken over silently: it is reported as stale, and only
 * {@code breakStale} removes it.
 */
public final class RetrainLock implements AutoCloseable {
    public static final String FILE = "_retrain.lock";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(6);
    /** How long a holder on an object store waits before reading its lock back: far longer than a look and a write. */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(5);
    /** Schemes whose create-without-overwrite cannot be raced (for {@code file}, because of {@code O_EXCL}). */
    private static final Set<String> ATOMIC_CREATE = Set.of("hdfs", "viewfs", "file");

    private final FileSystem fs;
    private final Path path;
    private final RetrainLockOwner owner;

    private RetrainLock(FileSystem fs, Path path, RetrainLockOwner owner) {
        this.fs = fs;
        this.path = path;
        this.owner = owner;
    }

    /**
     * Takes the lock of {@code store}'s root for {@code owner}, or throws {@link RetrainLockedException} naming the
     * holder. A lock older than {@code timeout}, or held by a process of this host that no longer runs, is stale:
     * it is removed when {@code breakStale}, reported otherwise. A live holder's lock is never removed.
     */
    public static RetrainLock acquire(ViewStore store, RetrainLockOwner owner, Duration timeout, boolean breakStale)
            throws IOException {
        return acquire(store, owner, timeout, breakStale, settleFor(store.fileSystem().getScheme()));
    }

    /** How long a new holder waits before reading its lock back on a file system of this scheme (zero: no need). */
    static Duration settleFor(String scheme) {
        return ATOMIC_CREATE.contains(scheme) ? Duration.ZERO : DEFAULT_SETTLE;
    }

    static RetrainLock acquire(ViewStore store, RetrainLockOwner owner, Duration timeout, boolean breakStale,
                               Duration settle) throws IOException {
        FileSystem fs = store.fileSystem();
        Path path = new Path(store.root(), FILE);
        fs.mkdirs(store.root());
        if (createExclusively(fs, path, owner)) {
            return confirmed(store, fs, path, owner, settle);
        }
        Optional<RetrainLockOwner> holder = readOwner(fs, path);
        if (holder.isEmpty() && !fs.exists(path) && createExclusively(fs, path, owner)) {
            return confirmed(store, fs, path, owner, settle); // the holder finished between our two looks
        }
        Optional<String> staleBecause = staleBecause(fs, path, holder, timeout);
        String who = holder.map(RetrainLockOwner::describe)
                .orElse("a retrain whose lock file names no holder yet (it may be starting)");
        if (staleBecause.isEmpty()) {
            throw new RetrainLockedException("batch views at " + store.root() + " are locked by another retrain: "
                    + who + "; wait for it to finish (it removes " + path + " when it ends)", false);
        }
        if (!breakStale) {
            throw new RetrainLockedException("batch views at " + store.root() + " have a stale retrain lock: " + who
                    + ": " + staleBecause.get() + "; if no retrain is running, re-run with --break-lock (or delete "
                    + path + ")", true);
        }
        fs.delete(path, false);
        if (createExclusively(fs, path, owner)) {
            return confirmed(store, fs, path, owner, settle);
        }
        throw new RetrainLockedException("batch views at " + store.root() + ": another retrain took the lock after "
                + "the stale one was broken: " + readOwner(fs, path).map(RetrainLockOwner::describe).orElse("unknown"),
                false);
    }

    /** The lock, once the file still names {@code owner} after {@code settle} (a racing writer's name means it won). */
    private static RetrainLock confirmed(ViewStore store, FileSystem fs, Path path, RetrainLockOwner owner,
                                         Duration settle) throws IOException {
        if (!settle.isZero()) {
            try {
                Thread.sleep(settle.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while confirming the retrain lock at " + path);
            }
            Optional<RetrainLockOwner> holder = readOwner(fs, path);
            if (holder.isEmpty() || !holder.get().id().equals(owner.id())) {
                throw new RetrainLockedException("batch views at " + store.root() + " are locked by another retrain "
                        + "that started at the same time: " + holder.map(RetrainLockOwner::describe).orElse("unknown")
                        + "; wait for it to finish (it removes " + path + " when it ends)", false);
            }
        }
        return new RetrainLock(fs, path, owner);
    }

    public RetrainLockOwner owner() {
        return owner;
    }

    /** Removes the lock if it is still this holder's (a broken and retaken lock belongs to someone else). */
    @Override
    public void close() throws IOException {
        Optional<RetrainLockOwner> holder = readOwner(fs, path);
        if (holder.isPresent() && holder.get().id().equals(owner.id())) {
            fs.delete(path, false);
        }
    }

    private static boolean createExclusively(FileSystem fs, Path path, RetrainLockOwner owner) throws IOException {
        byte[] body = ViewStore.JSON.writeValueAsBytes(owner);
        if ("file".equals(fs.getScheme())) {
            java.nio.file.Path file = java.nio.file.Path.of(fs.makeQualified(path).toUri());
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
            Files.write(file, body);
            return true;
        }
        try (OutputStream out = fs.create(path, false)) {
            out.write(body);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException taken) {
            return false;
        }
    }

    private static Optional<RetrainLockOwner> readOwner(FileSystem fs, Path path) throws IOException {
        try (var in = fs.open(path)) {
            return Optional.of(ViewStore.JSON.readValue(in.readAllBytes(), RetrainLockOwner.class));
        } catch (java.io.FileNotFoundException gone) {
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JacksonException unfinished) {
            return Optional.empty(); // created, owner not written yet (or its writer died in between)
        }
    }

    private static Optional<String> staleBecause(FileSystem fs, Path path, Optional<RetrainLockOwner> holder,
                                                 Duration timeout) throws IOException {
        if (holder.isPresent() && holder.get().host().equals(RetrainLockOwner.thisHost())
                && ProcessHandle.of(holder.get().pid()).isEmpty()) {
            return Optional.of("pid " + holder.get().pid() + " no longer runs on this host");
        }
        Instant since = holder.map(h -> Instant.parse(h.startedAt()))
                .orElse(Instant.ofEpochMilli(fs.getFileStatus(path).getModificationTime()));
        if (since.plus(timeout).isBefore(Instant.now())) {
            return Optional.of("older than the lock timeout of " + readable(timeout));
        }
        return Optional.empty();
    }

    private static String readable(Duration d) {
        return d.toMinutesPart() == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
