package io.tradewind.contracts.masterdata;

import io.tradewind.core.event.BehaviourEvent;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Atomicity: events go to hidden files under {@code _tmp/<writeId>/}; {@link #commit()} renames them into
 * their partitions (an atomic rename on HDFS and on local disks). Until then readers see nothing; after a crash
 * during commit, re-running the import completes it without duplicates.
 *
 * <p>Memory: at most {@code maxOpenPartitions} partitions are open, each with its Parquet buffer and its set of
 * present ids. Input sorted by time (both real data sets are) writes one file per partition; unsorted input
 * writes one file per run of a date. One writer at a time per data set; not thread-safe.
 */
public final class MasterDatasetAppender implements Closeable {
    public static final int DEFAULT_MAX_OPEN_PARTITIONS = 4;

    private final MasterDatasetLayout layout;
    private final MasterDatasetReader reader;
    private final Configuration conf;
    private final Path tmpDir;
    private final int maxOpenPartitions;
    private final LinkedHashMap<LocalDate, PartitionWriter> open = new LinkedHashMap<>(16, 0.75f, true);
    private final List<PartitionWriter.PendingFile> pending = new ArrayList<>();
    private long written;
    private long alreadyPresent;
    private int tmpFiles;
    private boolean finished;

    public MasterDatasetAppender(MasterDatasetLayout layout, Configuration conf, String writeId, int maxOpenPartitions) {
        if (maxOpenPartitions < 1) {
            throw new IllegalArgumentException("maxOpenPartitions must be at least 1");
        }
        this.layout = layout;
        this.reader = new MasterDatasetReader(layout, conf);
        this.conf = conf;
        this.tmpDir = layout.tmpDir(writeId);
        this.maxOpenPartitions = maxOpenPartitions;
    }

    public MasterDatasetAppender(MasterDatasetLayout layout, Configuration conf, String writeId) {
        this(layout, conf, writeId, DEFAULT_MAX_OPEN_PARTITIONS);
    }

    /** @return false when the event's id is already in its partition (nothing is written) */
    public boolean append(BehaviourEvent event) throws IOException {
        if (finished) {
            throw new IllegalStateException("appender already committed or aborted");
        }
        LocalDate date = MasterDatasetLayout.partitionOf(event.timestampMillis());
        PartitionWriter writer = open.get(date);
        if (writer == null) {
            writer = openPartition(date);
        }
        if (writer.write(event)) {
            written++;
            return true;
        }
        alreadyPresent++;
        return false;
    }

    /** Makes everything appended visible. */
    public AppendResult commit() throws IOException {
        if (finished) {
            throw new IllegalStateException("appender already committed or aborted");
        }
        for (PartitionWriter writer : open.values()) {
            addPending(writer.finish());
        }
        open.clear();
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
        FileSystem fs = layout.fileSystem();
        try {
            for (PartitionWriter writer : open.values()) {
                writer.discard(fs);
            }
        } finally {
            open.clear();
            fs.delete(tmpDir, true);
        }
    }

    /** Aborts unless committed, so an exception between open and commit leaves the data set untouched. */
    @Override
    public void close() throws IOException {
        abort();
    }

    private PartitionWriter openPartition(LocalDate date) throws IOException {
        if (open.size() >= maxOpenPartitions) {
            Iterator<Map.Entry<LocalDate, PartitionWriter>> eldest = open.entrySet().iterator();
            addPending(eldest.next().getValue().finish());
            eldest.remove();
        }
        Set<String> present = reader.eventIds(date);
        for (PartitionWriter.PendingFile file : pending) {
            if (file.date().equals(date)) {
                reader.addIds(file.tmpFile(), present); // this write's earlier run of the same date
            }
        }
        Path tmpFile = new Path(tmpDir, date + "-" + (tmpFiles++) + MasterDatasetLayout.DATA_SUFFIX);
        PartitionWriter writer = new PartitionWriter(date, tmpFile, present, conf);
        open.put(date, writer);
        return writer;
    }

    private void addPending(PartitionWriter.PendingFile file) {
        if (file != null) {
            pending.add(file);
        }
    }
}
