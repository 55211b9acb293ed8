package io.tradewind.batch.ingest;

import io.tradewind.contracts.masterdata.AppendResult;
import io.tradewind.contracts.masterdata.Locations;
import io.tradewind.contracts.masterdata.MasterDatasetAppender;
import io.tradewind.contracts.masterdata.MasterDatasetLayout;
import io.tradewind.core.ingest.CsvEventReader;
import io.tradewind.core.ingest.CsvInputException;
import io.tradewind.core.ingest.MappedRow;
import io.tradewind.core.ingest.MappingException;
import io.tradewind.core.ingest.RowOutcome;
import io.tradewind.core.ingest.SourceMapping;
import io.tradewind.core.ingest.SourceMappings;
import io.tradewind.core.progress.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Imports one CSV file into the master data set: streams it through its source's mapping, appends the events
 * (idempotently, see {@link MasterDatasetAppender}), writes every rejected row to a rejects file and returns
 * the counts. This is the one call the command line makes.
 */
public final class EventImporter {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Progress is reported in steps of this many input bytes, so a listener is not called per row. */
    private static final long PROGRESS_STEP_BYTES = 256 * 1024;

    private final Configuration conf;
    private final Clock clock;

    public EventImporter(Configuration conf, Clock clock) {
        this.conf = conf;
        this.clock = clock;
    }

    public EventImporter(Configuration conf) {
        this(conf, Clock.systemUTC());
    }

    public EventImporter() {
        this(new Configuration());
    }

    /** Convenience for {@code run(ImportRequest.of(source, input, target).withProgress(progress))}. */
    public ImportSummary run(String source, String input, String target, ProgressListener progress) {
        return run(ImportRequest.of(source, input, target).withProgress(progress));
    }

    /**
     * @throws ImportException with a one-line message when the import cannot run or finish; then nothing is
     *                         added to the master data set and no rejects file is left
     */
    public ImportSummary run(ImportRequest request) {
        Instant started = clock.instant();
        SourceMapping mapping = mapping(request.source());
        String importId = mapping.name() + "-" + ID_TIME.format(started) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        MasterDatasetLayout layout = layout(request.target());
        URI rejectsUri = request.rejectsFile() != null ? Locations.toUri(request.rejectsFile())
                : new Path(layout.rejectsDir(), importId + ".csv").toUri();
        ProgressListener progress = request.progress();
        try (ImportInput input = ImportInput.open(request.input(), conf);
                MasterDatasetAppender appender = new MasterDatasetAppender(layout, conf, importId,
                        request.maxBufferedEvents());
                RejectsFile rejects = new RejectsFile(rejectsUri, conf)) {
            progress.start("import " + mapping.name() + " " + input.uri(), input.length());
            try (CsvEventReader rows = CsvEventReader.open(mapping, input.reader(), input.uri().toString())) {
                Counts counts = copy(rows, appender, rejects, input, progress, request.eventsBefore());
                failWhenNothingValid(counts, input.uri(), request.eventsBefore());
                // The rejects file first: if it cannot be written, no events have become visible yet.
                URI rejectsFile = rejects.commit();
                AppendResult appended = appender.commit();
                return new ImportSummary(importId, mapping.name(), input.uri(), layout.root().toUri(), counts.read,
                        appended.written(), appended.alreadyPresent(), counts.skipped, counts.rejected,
                        counts.skippedByReason, counts.rejectedByReason, appended.partitions(), appended.files(),
                        rejectsFile, Duration.between(started, clock.instant()));
            } finally {
                progress.finish();
            }
        } catch (MappingException | CsvInputException | IllegalArgumentException e) {
            throw new ImportException(e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new ImportException("import of " + request.input() + " into " + layout.root() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static Counts copy(CsvEventReader rows, MasterDatasetAppender appender, RejectsFile rejects,
            ImportInput input, ProgressListener progress, Instant cut) throws IOException {
        Counts counts = new Counts();
        String heldBack = cut == null ? null : heldBackReason(cut);
        long reported = 0;
        while (rows.hasNext()) {
            MappedRow row = rows.next();
            counts.read++;
            RowOutcome outcome = row.outcome();
            if (outcome instanceof RowOutcome.Mapped mapped && cut != null && !mapped.event().timestamp().isBefore(cut)) {
                // Mapped like every other row (so its id is the one a full import gives), but not written.
                counts.skipped++;
                counts.heldBack++;
                counts.skippedByReason.merge(heldBack, 1L, Long::sum);
            } else if (outcome instanceof RowOutcome.Mapped mapped) {
                appender.append(mapped.event());
                counts.events++;
            } else if (outcome instanceof RowOutcome.Skipped skipped) {
                counts.skipped++;
                counts.skippedByReason.merge(skipped.reason(), 1L, Long::sum);
            } else if (outcome instanceof RowOutcome.Rejected rejected) {
                counts.rejected++;
                counts.rejectedByReason.merge(rejected.reason(), 1L, Long::sum);
                if (counts.firstRejectLine < 0) {
                    counts.firstRejectLine = row.line();
                    counts.firstReject = rejected.reason() + ": " + rejected.detail();
                }
                rejects.write(row, rejected);
            }
            long bytes = input.bytesRead();
            if (bytes - reported >= PROGRESS_STEP_BYTES) {
                progress.advance(bytes - reported);
                reported = bytes;
            }
        }
        progress.advance(input.bytesRead() - reported);
        return counts;
    }

    /**
     * An input that yields no event at all is almost always the wrong file or the wrong mapping; failing (and
     * writing nothing) says so where a summary of zeros would not.
     */
    private static void failWhenNothingValid(Counts counts, URI input, Instant cut) {
        if (counts.events > 0) {
            return;
        }
        if (counts.read == 0) {
            throw new ImportException(input + " has no data rows: nothing to import", null);
        }
        if (counts.heldBack > 0) {
            throw new ImportException(input + ": no event dated before " + cut + " (all " + counts.heldBack
                    + " events are at or after it): nothing to import; choose a later cut", null);
        }
        if (counts.rejected > 0) {
            throw new ImportException(input + ": no valid row, all " + counts.rejected + " of " + counts.read
                    + " rows were rejected" + (counts.skipped > 0 ? " or skipped" : "") + "; first at line "
                    + counts.firstRejectLine + ", " + counts.firstReject, null);
        }
        throw new ImportException(input + ": no valid row, all " + counts.read + " rows were skipped by the mapping's "
                + "rules (" + String.join("; ", counts.skippedByReason.keySet()) + ")", null);
    }

    static String heldBackReason(Instant cut) {
        return "held back: dated at or after " + cut;
    }

    private static SourceMapping mapping(String source) {
        try {
            return SourceMappings.load(source);
        } catch (MappingException e) {
            throw new ImportException(e.getMessage(), e);
        }
    }

    private MasterDatasetLayout layout(String target) {
        try {
            return MasterDatasetLayout.at(target, conf);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new ImportException(e.getMessage(), e);
        }
    }

    /** Row counts the master data set does not know about: reads, skips and rejects. */
    private static final class Counts {
        long read;
        long skipped;
        long rejected;
        long events;
        long heldBack;
        long firstRejectLine = -1;
        String firstReject;
        final Map<String, Long> skippedByReason = new HashMap<>();
        final Map<String, Long> rejectedByReason = new HashMap<>();
    }
}
