package io.tradewind.contracts.masterdata;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where things live in a master data set, on any Hadoop file system:
 * <pre>
 * &lt;root&gt;/date=2011-12-09/part-&lt;content hash&gt;.parquet   events of one UTC day (Parquet, {@code EventSchema})
 * &lt;root&gt;/_rejects/&lt;import id&gt;.csv                    rows an import could not turn into events
 * &lt;root&gt;/_tmp/&lt;write id&gt;/                             files being written; invisible until renamed
 * </pre>
 * Names starting with {@code _} or {@code .} are hidden from readers, as in Hadoop's and Flink's file inputs.
 */
public final class MasterDatasetLayout {
    static final String PARTITION_PREFIX = "date=";
    public static final String DATA_SUFFIX = ".parquet";
    static final String TMP_DIR = "_tmp";
    static final String REJECTS_DIR = "_rejects";

    private final FileSystem fs;
    private final Path root;

    private MasterDatasetLayout(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    /** @param location hdfs://..., file://... or a local path */
    public static MasterDatasetLayout at(String location, Configuration conf) {
        URI uri = Locations.toUri(location);
        try {
            FileSystem fs = FileSystem.get(uri, conf);
            return new MasterDatasetLayout(fs, fs.makeQualified(new Path(uri)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach master data set " + uri + ": " + e.getMessage(), e);
        }
    }

    public FileSystem fileSystem() {
        return fs;
    }

    public Path root() {
        return root;
    }

    public Path partitionDir(LocalDate date) {
        return new Path(root, partitionName(date));
    }

    /** The folder name of a date's partition, {@code date=2011-12-09}: what any writer of the data set must use. */
    public static String partitionName(LocalDate date) {
        return PARTITION_PREFIX + date;
    }

    /** The partition an event belongs to: its UTC date. */
    public static LocalDate partitionOf(long timestampMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(timestampMillis), ZoneOffset.UTC);
    }

    public Path rejectsDir() {
        return new Path(root, REJECTS_DIR);
    }

    Path tmpDir(String writeId) {
        return new Path(new Path(root, TMP_DIR), writeId);
    }

    static String dataFileName(String contentHash) {
        return "part-" + contentHash + DATA_SUFFIX;
    }

    /** Dates that have a partition directory, oldest first; empty when the data set does not exist yet. */
    public List<LocalDate> partitions() throws IOException {
        List<LocalDate> dates = new ArrayList<>();
        for (FileStatus status : listOrEmpty(root)) {
            if (status.isDirectory()) {
                dateOf(status.getPath().getName()).ifPresent(dates::add);
            }
        }
        dates.sort(Comparator.naturalOrder());
        return dates;
    }

    /** Visible data files of one partition, by name; empty when the partition does not exist. */
    public List<Path> dataFiles(LocalDate date) throws IOException {
        return Arrays.stream(listOrEmpty(partitionDir(date)))
                .filter(s -> s.isFile() && isDataFile(s.getPath().getName()))
                .map(FileStatus::getPath)
                .sorted(Comparator.comparing(Path::getName))
                .toList();
    }

    static boolean isDataFile(String name) {
        return name.endsWith(DATA_SUFFIX) && !name.startsWith("_") && !name.startsWith(".");
    }

    static Optional<LocalDate> dateOf(String dirName) {
        if (!dirName.startsWith(PARTITION_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(dirName.substring(PARTITION_PREFIX.length())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private FileStatus[] listOrEmpty(Path dir) throws IOException {
        try {
            return fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
