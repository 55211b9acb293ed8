package io.tradewind.contracts.views;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads one {@code .jsonl} view file row by row. A line that is not a valid row fails with the file name and
 * line number, so an operator can look at exactly that line.
 */
public final class JsonLinesReader {
    /** Takes one parsed row; throws {@link IllegalArgumentException} for a row that parses but makes no sense. */
    public interface RowConsumer<T> {
        void accept(T row) throws IOException;
    }

    private final FileSystem fs;
    private final Path versionDir;
    private final String version;

    public JsonLinesReader(FileSystem fs, Path versionDir, String version) {
        this.fs = fs;
        this.versionDir = versionDir;
        this.version = version;
    }

    public String version() {
        return version;
    }

    public boolean exists(String file) throws IOException {
        return fs.exists(new Path(versionDir, file));
    }

    /** Returns the number of rows read. */
    public <T> long read(String file, Class<T> type, RowConsumer<T> consumer) throws IOException {
        long line = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(new Path(versionDir, file)),
                StandardCharsets.UTF_8))) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                T row;
                try {
                    row = ViewJson.MAPPER.readValue(text, type);
                    if (row == null) {
                        throw new IllegalArgumentException("empty row");
                    }
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw corrupt(file, line, type, e);
                }
                try {
                    consumer.accept(row);
                } catch (IllegalArgumentException e) {
                    throw corrupt(file, line, type, e);
                }
            }
        }
        return line;
    }

    private IOException corrupt(String file, long line, Class<?> type, Exception cause) {
        String reason = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
        return new IOException("version " + version + ", " + file + " line " + line + ": not a valid "
                + type.getSimpleName() + " row (" + reason + ")", cause);
    }
}
