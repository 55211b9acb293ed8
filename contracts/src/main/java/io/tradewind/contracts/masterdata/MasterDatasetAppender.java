package io.tradewind.contracts.masterdata;

import io.tradewind.core.event.BehaviourEvent;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Adds events to a master data set, append-only and idempotent.
 *
 * <p>Idempotency: an event whose id is already in its date partition is dropped (counted as already present).
 * Imported rows have deterministic ids, so re-importing a file adds nothing, and an overlapping export (a day's
 * file, then the whole year) adds only what is new. Files are named by a hash of their ids; a name that already
 * exists holds the same events and is kept as it is.
 *
 * <p>Order: appended events are sorted by time (hence date) on the way in ({@link EventDateSorter}: bounded buffers spilled
 * as sorted runs to local disk, merged on commit), so each partition is written once, as one file, whatever
 * the order of the input, and cost is O(n log n). Memory holds at most {@code maxBufferedEvents} events, one
 * partition's present ids and one Parquet writer.
 *
 * <p>Atomicity: nothing reaches the data set before {@link #commit()}: events wait in local runs, then go to
 * hidden files under {@code _tmp/<writeId>/}, which are renamed into their partitions (an atomic rename on HDFS
 * and on local disks) once all are written. After a crash during the renames, re-running the import completes
 * it without duplicates. One writer at a time per data set; not thread-safe.
 */
public final class MasterDatasetAppender implements Closeable {
    /** About 100 MB of events on the heap before a run is spilled. */
    public static final int DEFAULT_MAX_BUFFERED_EVENTS = 200_000;

    private final MasterDatasetLayout layout;
    private final MasterDatasetReader reader;
    private final Configuration conf;
    private final Path tmpDir;
    private final EventDateSorter sorter;
    private final List<PartitionWriter.PendingFile> pending = new ArrayList<>();
    private boolean finished;

    /**
     * @param maxBufferedEvents events held in memory before a sorted run is spilled
     * @param spillDir          local folder for the runs (a fresh subfolder is used and removed)
     */
    public MasterDatasetAppender(MasterDatasetLayout layout, Configuration conf, String writeId, int maxBufferedEvents,
            java.nio.file.Path spillDir) throws IOException {
        this.layout = layout;
        this.reader = new MasterDatasetReader(layout, conf);
        this.conf = conf;
        this.tmpDir = layout.tmpDir(writeId);
        this.sorter = new EventDateSorter(maxBufferedEvents, spillDir);
    }

    /** Spills to the JVM's temporary folder. */
    public MasterDatasetAppender(MasterDatasetLayout layout, Configuration conf, String writeId, int maxBufferedEvents)
            throws IOException {
        this(layout, conf, writeId, maxBufferedEvents, java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
    }

    public MasterDatasetAppender(MasterDatasetLayout layout, Configuration conf, String writeId) throws IOException {
        this(layout, conf, writeId, DEFAULT_MAX_BUFFERED_EVENTS);
    }

    /** Queues an event; whether it is new is decided on {@link #commit()}. */
    public void append(BehaviourEvent event) throws IOException {
        if (finished) {
            throw new IllegalStateException("appender already committed or aborted");
        }
        sorter.add(event);
    }

    /** Sorted runs spilled to local disk so far (0 when everything fitted in memory). */
    public int spilledRuns() {
        return sorter.spilledRuns();
    }

    /** Writes each touched partition once, then makes everything visible. */
    public AppendResult commit() throws IOException {
        if (finished) {
            throw new IllegalStateException("appender already committed or aborted");
        }
        long[] counts = new long[2]; // written, already present
        PartitionWriter[] current = new PartitionWriter[1];
        try {
            sorter.drain(event -> {
                LocalDate date = MasterDatasetLayout.partitionOf(event.timestampMillis());
                if (current[0] == null || !current[0].date().equals(date)) {
                    finishPartition(current[0]);
                    current[0] = openPartition(date);
                }
                counts[current[0].write(event) ? 0 : 1]++;
            });
            finishPartition(current[0]);
            current[0] = null;
        } finally {
            if (current[0] != null) {
                current[0].discard(layout.fileSystem());
            }
            sorter.close();
        }
        long written = counts[0];
        long alreadyPresent = counts[1];
        FileSystem fs = layout.fileSystem();
        List<URI> files = new ArrayList<>();
        Set<LocalDate> partitions = new TreeSet<>();
        for (PartitionWriter.PendingFile file : pending) {
            Path target = new Path(layout.partitionDir(file.date()), file.finalName());
            LocalFiles.mkdirs(fs, target.getParent());
            if (fs.exists(target)) {
                // Same name, same ids: another writer committed these very events first.
                fs.delete(file.tmpFile(), false);
                written -= file.events();
                alreadyPresent += file.events();
                continue;
            }
            if (!fs.rename(file.tmpFile(), target)) {
                throw new IOException("cannot move " + file.tmpFile() + " to " + target);
            }
            files.add(target.toUri());
            partitions.add(file.date());
        }
        finished = true;
        fs.delete(tmpDir, true);
        return new AppendResult(written, alreadyPresent, List.copyOf(files), List.copyOf(partitions));
    }

    /** Drops everything appended so far; nothing becomes visible. */
    public void abort() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            sorter.close();
        } finally {
            layout.fileSystem().delete(tmpDir, true);
        }
    }

    /** Aborts unless committed, so an exception between open and commit leaves the data set untouched. */
    @Override
    public void close() throws IOException {
        abort();
    }

    private PartitionWriter openPartition(LocalDate date) throws IOException {
        Set<String> present = reader.eventIds(date);
        Path tmpFile = new Path(tmpDir, date + MasterDatasetLayout.DATA_SUFFIX);
        return new PartitionWriter(date, tmpFile, present, conf);
    }

    private void finishPartition(PartitionWriter writer) throws IOException {
        if (writer == null) {
            return;
        }
        PartitionWriter.PendingFile file = writer.finish();
        if (file != null) {
            pending.add(file);
        }
    }
}
