package io.tradewind.batch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that cannot be imported as they are: one message naming the file, the line and the column, an
 * exception (the command exits 1 on it) and nothing at all written under the master data set's root.
 */
class BadInputImportTest {
    private static final String CLICKS_MAPPING = """
            {"source": "clicks", "csv": {"delimiter": "\\\\t"},
             "fields": {"userId": {"column": "session"}, "itemId": {"column": "item"}, "type": {"constant": "VIEW"},
                        "timestamp": {"column": "time", "time": {"format": "epoch-seconds"}}}}""";

    @TempDir
    Path dir;

    private ImportException importFails(String mapping, String csv) throws IOException {
        Path mappingFile = dir.resolve("clicks.json");
        Files.writeString(mappingFile, mapping);
        Path input = dir.resolve("clicks.tsv");
        Files.writeString(input, csv);
        return assertThrows(ImportException.class, () -> new EventImporter(new Configuration())
                .run(ImportRequest.of(mappingFile.toString(), input.toString(), dir.resolve("master").toString())));
    }

    private void assertNothingWritten() throws IOException {
        Path master = dir.resolve("master");
        if (Files.exists(master)) {
            try (Stream<Path> files = Files.walk(master)) {
                assertEquals(java.util.List.of(), files.filter(Files::isRegularFile).toList());
            }
        }
    }

    @Test
    void mappingNamingAMissingColumn() throws IOException {
        ImportException e = importFails(CLICKS_MAPPING, "session\titem_id\ttime\ns1\ti1\t1396437466\n");

        assertTrue(e.getMessage().matches(".*clicks\\.tsv, line 1, column 'item': mapping 'clicks' reads this column, "
                + "which is not in the header \\[session, item_id, time\\].*"), e.getMessage());
        assertNothingWritten();
    }

    @Test
    void delimiterThatSplitsNothing() throws IOException {
        ImportException e = importFails(CLICKS_MAPPING, "session,item,time\ns1,i1,1396437466\n");

        assertTrue(e.getMessage().matches(".*clicks\\.tsv, line 1, column '(session|item|time)': .*did not split on "
                + "the delimiter '\\\\t' \\(tab\\); it contains ','.*"), e.getMessage());
        assertNothingWritten();
    }

    @Test
    void timesThatDoNotParseRejectEveryRowAndFailTheImport() throws IOException {
        ImportException e = importFails(CLICKS_MAPPING,
                "session\titem\ttime\ns1\ti1\t2014-04-02 10:00\ns1\ti2\t2014-04-02 10:01\n");

        assertTrue(e.getMessage().matches(".*clicks\\.tsv: no valid row, all 2 of 2 rows were rejected; first at line 2, "
                + "invalid timestamp: timestamp \\(column 'time'\\): '2014-04-02 10:00' is not an epoch time in seconds"),
                e.getMessage());
        assertNothingWritten();
    }

    @Test
    void fileCutOffMidLine() throws IOException {
        ImportException e = importFails(CLICKS_MAPPING, "session\titem\ttime\ns1\ti1\t1396437466\ns2\ti");

        assertTrue(e.getMessage().matches(".*clicks\\.tsv is cut off mid-line: line 3 ends in column 'item' \\(2 of 3 "
                + "columns\\) without a line break.*"), e.getMessage());
        assertNothingWritten();
    }

    @Test
    void rejectedShareOverTheThresholdIsWarnedAbout() throws IOException {
        Path mappingFile = dir.resolve("clicks.json");
        Files.writeString(mappingFile, CLICKS_MAPPING);
        Path input = dir.resolve("clicks.tsv");
        Files.writeString(input, "session\titem\ttime\ns1\ti1\t1396437466\ns1\ti2\tlater\ns2\ti3\t1396437468\n");

        ImportSummary summary = new EventImporter(new Configuration())
                .run(ImportRequest.of(mappingFile.toString(), input.toString(), dir.resolve("master").toString()));

        assertEquals(2, summary.written());
        assertEquals(1.0 / 3, summary.rejectedShare(), 1e-9);
        assertTrue(summary.rejectedShareWarning(0.5).isEmpty());
        String warning = summary.rejectedShareWarning(0.05).orElseThrow();
        assertTrue(warning.startsWith("WARNING: 33.3 % of the rows were rejected (1 of 3; threshold 5.0 %)"), warning);
        assertFalse(warning.contains("null"), warning);
    }
}
