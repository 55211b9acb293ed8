package io.tradewind.contracts.masterdata;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventAvroCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * Reads a master data set: its partitions, its files (what a Flink job hands to its file source) and its
 * events. Sees only committed files: an import in progress or one that crashed is invisible.
 */
public final class MasterDatasetReader {
    private final MasterDatasetLayout layout;
    private final Configuration conf;

    public MasterDatasetReader(MasterDatasetLayout layout, Configuration conf) {
        this.layout = layout;
        this.conf = conf;
    }

    /** @param location hdfs://..., file://... or a local path */
    public static MasterDatasetReader at(String location, Configuration conf) {
        return new MasterDatasetReader(MasterDatasetLayout.at(location, conf), conf);
    }

    public MasterDatasetLayout layout() {
        return layout;
    }

    /** Dates with a partition, oldest first. */
    public List<LocalDate> partitions() throws IOException {
        return layout.partitions();
    }

    /** Fully qualified URIs of the data files for the dates in {@code range}, by date then name. */
    public List<URI> files(DateRange range) throws IOException {
        return paths(range).stream().map(Path::toUri).toList();
    }

    /** Number of events in {@code range}, from Parquet footers (no data is read). */
    public long count(DateRange range) throws IOException {
        long count = 0;
        for (Path file : paths(range)) {
            count += EventParquetFiles.rowCount(file, conf);
        }
        return count;
    }

    /**
     * Events of {@code range}, streamed file by file, by date. Close the stream (try-with-resources) to release
     * the open file. I/O failures surface as {@link UncheckedIOException}.
     */
    public Stream<BehaviourEvent> events(DateRange range) throws IOException {
        EventIterator events = new EventIterator(paths(range));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(events::close);
    }

    /**
     * Events of the given data files (from {@link #files(DateRange)}), one file open at a time. Lets a
     * distributed reader hand each worker its own share of the files.
     */
    public Stream<BehaviourEvent> events(List<URI> files) {
        EventIterator events = new EventIterator(files.stream().map(Path::new).toList());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(events::close);
    }

    /** Ids of the events already in one partition; reads only the id column. */
    public Set<String> eventIds(LocalDate date) throws IOException {
        Set<String> ids = new HashSet<>();
        for (Path file : layout.dataFiles(date)) {
            addIds(file, ids);
        }
        return ids;
    }

    void addIds(Path file, Set<String> ids) throws IOException {
        try (ParquetReader<GenericRecord> reader = EventParquetFiles.idReader(file, conf)) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                ids.add(r.get("eventId").toString());
            }
        }
    }

    private List<Path> paths(DateRange range) throws IOException {
        List<Path> files = new ArrayList<>();
        for (LocalDate date : layout.partitions()) {
            if (range.contains(date)) {
                files.addAll(layout.dataFiles(date));
            }
        }
        return files;
    }

    /** Opens one file at a time, so a scan of a year holds one Parquet reader, not 365. */
    private final class EventIterator implements Iterator<BehaviourEvent> {
        private final Iterator<Path> files;
        private ParquetReader<GenericRecord> current;
        private GenericRecord next;

        EventIterator(List<Path> files) {
            this.files = files.iterator();
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null) {
                    if (current == null) {
                        if (!files.hasNext()) {
                            return false;
                        }
                        current = EventParquetFiles.reader(files.next(), conf);
                    }
                    next = current.read();
                    if (next == null) {
                        current.close();
                        current = null;
                    }
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read master data set " + layout + ": " + e.getMessage(), e);
            }
        }

        @Override
        public BehaviourEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            BehaviourEvent event = EventAvroCodec.fromRecord(next);
            next = null;
            return event;
        }

        void close() {
            if (current != null) {
                try {
                    current.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    current = null;
                }
            }
        }
    }
}
