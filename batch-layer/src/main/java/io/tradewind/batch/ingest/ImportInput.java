package io.tradewind.batch.ingest;

import io.tradewind.contracts.masterdata.Locations;
import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The CSV being imported, on any Hadoop file system. Gzip is recognised by its magic bytes, not the name.
 * Counts the file's own (compressed) bytes, which is what progress is measured in.
 */
final class ImportInput implements AutoCloseable {
    private final URI uri;
    private final long length;
    private final CountingStream counted;
    private final Reader reader;

    private ImportInput(URI uri, long length, CountingStream counted, Reader reader) {
        this.uri = uri;
        this.length = length;
        this.counted = counted;
        this.reader = reader;
    }

    /** @throws ImportException when the input is missing, a directory or unreadable */
    static ImportInput open(String location, Configuration conf) {
        if (location.isBlank()) {
            throw new ImportException("no input file given", null);
        }
        URI uri = Locations.toUri(location);
        try {
            FileSystem fs = FileSystem.get(uri, conf);
            Path path = new Path(uri);
            FileStatus status = fs.getFileStatus(path);
            if (status.isDirectory()) {
                throw new ImportException("input " + uri + " is a directory; give one CSV file", null);
            }
            CountingStream counted = new CountingStream(fs.open(path));
            BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16);
            InputStream content = isGzip(buffered) ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            return new ImportInput(uri, status.getLen(), counted, new InputStreamReader(content, StandardCharsets.UTF_8));
        } catch (FileNotFoundException e) {
            throw new ImportException("input file not found: " + uri, e);
        } catch (IOException e) {
            throw new ImportException("cannot read input " + uri + ": " + e.getMessage(), e);
        }
    }

    URI uri() {
        return uri;
    }

    long length() {
        return length;
    }

    long bytesRead() {
        return counted.count;
    }

    Reader reader() {
        return reader;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
