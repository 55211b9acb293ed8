package io.tradewind.serving.catalogue;

import io.tradewind.contracts.views.ViewStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;

/** Reads the JSON-lines files of a batch-view version ({@code items.jsonl}, {@code popularity.jsonl}). */
final class BatchViewFiles {
    private BatchViewFiles() {
    }

    /** All rows of {@code <root>/<version>/<file>}: a catalogue is thousands of items, so memory is no concern. */
    static <T> List<T> read(ViewStore views, String version, String file, Class<T> type) {
        Path path = new Path(new Path(views.root(), version), file);
        List<T> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(views.fileSystem().open(path), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(ElasticsearchConnection.JSON.readValue(line, type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
