package io.tradewind.batch.ingest;

import io.tradewind.contracts.masterdata.MasterDatasetAppender;
import io.tradewind.core.progress.ProgressListener;
import java.time.Instant;
import java.util.Objects;

/**
 * One import to run.
 *
 * @param source      a built-in source name ({@code online-retail}, {@code taobao}) or a mapping file path
 * @param input       the CSV to import: a local path or a Hadoop URI; gzip is detected from the content
 * @param target      root of the master data set: a local path or a Hadoop URI (hdfs://, file://)
 * @param rejectsFile where to write rejected rows; null for {@code <target>/_rejects/<import id>.csv}
 * @param progress    told about bytes of input consumed
 * @param maxBufferedEvents events held in memory before a sorted run is spilled to local disk
 * @param eventsBefore only events dated before this instant are imported; later ones are counted as skipped
 *                     (held back, e.g. for the demo to replay them through the speed layer); null imports all
 */
public record ImportRequest(
        String source,
        String input,
        String target,
        String rejectsFile,
        ProgressListener progress,
        int maxBufferedEvents,
        Instant eventsBefore) {

    public ImportRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(target, "target");
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    public static ImportRequest of(String source, String input, String target) {
        return new ImportRequest(source, input, target, null, ProgressListener.NONE,
                MasterDatasetAppender.DEFAULT_MAX_BUFFERED_EVENTS, null);
    }

    public ImportRequest withProgress(ProgressListener listener) {
        return new ImportRequest(source, input, target, rejectsFile, listener, maxBufferedEvents, eventsBefore);
    }

    public ImportRequest withRejectsFile(String location) {
        return new ImportRequest(source, input, target, location, progress, maxBufferedEvents, eventsBefore);
    }

    public ImportRequest withMaxBufferedEvents(int events) {
        return new ImportRequest(source, input, target, rejectsFile, progress, events, eventsBefore);
    }

    /** Imports only events dated before {@code cut}; the rest are counted as skipped, with the cut as the reason. */
    public ImportRequest withEventsBefore(Instant cut) {
        return new ImportRequest(source, input, target, rejectsFile, progress, maxBufferedEvents, cut);
    }
}
