package io.tradewind.batch.ingest;

import io.tradewind.core.ingest.MappedRow;
import io.tradewind.core.ingest.RowOutcome;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The rejected rows of one import, as CSV: {@code line,reason,detail,raw_row}. Created on the first reject,
 * written under a hidden name and renamed when the import commits, so a failed import leaves no rejects file.
 */
final class RejectsFile implements AutoCloseable {
    static final String[] HEADER = {"line", "reason", "detail", "raw_row"};

    private final URI target;
    private final Configuration conf;
    private FileSystem fs;
    private Path inProgress;
    private CSVPrinter printer;

    RejectsFile(URI target, Configuration conf) {
        this.target = target;
        this.conf = conf;
    }

    void write(MappedRow row, RowOutcome.Rejected rejected) throws IOException {
        if (printer == null) {
            Path path = new Path(target);
            fs = FileSystem.get(target, conf);
            inProgress = new Path(path.getParent(), "." + path.getName() + ".inprogress");
            printer = new CSVPrinter(new OutputStreamWriter(fs.create(inProgress, true), StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(HEADER).build());
        }
        printer.printRecord(row.line(), rejected.reason(), rejected.detail(), row.rawRow());
    }

    /** @return the file's location, or null when no row was rejected */
    URI commit() throws IOException {
        if (printer == null) {
            return null;
        }
        printer.close();
        printer = null;
        Path path = new Path(target);
        fs.delete(path, false); // a caller-given path may hold an older import's rejects
        if (!fs.rename(inProgress, path)) {
            throw new IOException("cannot move " + inProgress + " to " + path);
        }
        return fs.makeQualified(path).toUri();
    }

    /** Removes the unfinished file, if any. */
    @Override
    public void close() throws IOException {
        if (printer != null) {
            try {
                printer.close();
            } finally {
                printer = null;
                fs.delete(inProgress, false);
            }
        }
    }
}
