package io.tradewind.batch.ingest;

import static io.tradewind.batch.ingest.Fixtures.CORNER_SHOP_CSV;
import static io.tradewind.batch.ingest.Fixtures.CORNER_SHOP_MAPPING;
import static io.tradewind.batch.ingest.Fixtures.ONLINE_RETAIL_SAMPLE;
import static io.tradewind.batch.ingest.Fixtures.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.masterdata.DateRange;
import io.tradewind.contracts.masterdata.MasterDatasetReader;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import io.tradewind.core.progress.ProgressListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-call import on the local file system: counts, rejects file, re-import, progress and errors. */
class EventImporterTest {
    private static final Configuration CONF = new Configuration();
    private final EventImporter importer = new EventImporter(CONF);

    @TempDir
    Path dir;
    private String target;

    @BeforeEach
    void target() {
        target = dir.resolve("master").toString();
    }

    private ImportSummary importSample() {
        return importer.run(ImportRequest.of("online-retail", path(ONLINE_RETAIL_SAMPLE).toString(), target));
    }

    private MasterDatasetReader reader() {
        return MasterDatasetReader.at(target, CONF);
    }

    @Test
    void countsEveryRowOnceWithItsReason() {
        ImportSummary summary = importSample();

        assertEquals(20, summary.read());
        assertEquals(11, summary.written());
        assertEquals(0, summary.alreadyPresent());
        assertEquals(3, summary.skipped());
        assertEquals(6, summary.rejected());
        assertEquals(Map.of("no CustomerID (not a known user)", 2L, "bad-debt adjustment (A invoice)", 1L),
                summary.skippedByReason());
        assertEquals(Map.of("invalid quantity", 1L, "invalid timestamp", 1L, "invalid unitPrice", 1L,
                "invalid userId", 2L, "malformed row", 1L), summary.rejectedByReason());
        assertEquals(List.of(LocalDate.of(2010, 12, 1), LocalDate.of(2010, 12, 2), LocalDate.of(2010, 12, 3)),
                summary.partitionsWritten());
        assertTrue(summary.describe().contains("read 20 = written 11 + already present 0 + skipped 3 + rejected 6"),
                summary.describe());
    }

    @Test
    void writesEventsThatReadBackAsMapped() throws IOException {
        importSample();

        List<BehaviourEvent> events;
        try (Stream<BehaviourEvent> stream = reader().events(DateRange.all())) {
            events = stream.toList();
        }
        assertEquals(11, events.size());
        assertEquals(11, events.stream().map(BehaviourEvent::eventId).distinct().count(), "duplicate line kept twice");
        assertEquals(2, events.stream().filter(e -> e.type() == EventType.RETURN).count());
        assertTrue(events.stream().allMatch(e -> e.quantity() > 0 && "GBP".equals(e.currency())));
        assertEquals(7, reader().count(DateRange.day(LocalDate.of(2010, 12, 1))), "23:59 stays on its own day");
    }

    @Test
    void everyRejectedRowIsInTheRejectsFileWithLineReasonAndRawRow() throws IOException {
        ImportSummary summary = importSample();

        Path rejectsFile = Path.of(summary.rejectsFile());
        assertEquals(dir.resolve("master/_rejects/" + summary.importId() + ".csv"), rejectsFile);
        List<CSVRecord> rows = Fixtures.rejects(Files.newBufferedReader(rejectsFile));
        assertEquals(List.of("14", "15", "16", "17", "18", "20"), rows.stream().map(r -> r.get("line")).toList());
        assertEquals("invalid quantity", rows.get(0).get("reason"));
        assertTrue(rows.get(0).get("detail").startsWith("quantity: must be positive"), rows.get(0).get("detail"));
        assertEquals("536599,22111,SCOTTIE DOG HOT WATER BOTTLE,-3,2010-12-02 13:00:00,4.95,12583.0,France",
                rows.get(0).get("raw_row"));
        assertEquals("userId (column 'CustomerID'): 'unknown.0' is not a number", rows.get(4).get("detail"));
        assertTrue(rows.get(4).get("raw_row").startsWith("536605,21755,\"LOVE BUILDING\nBLOCK WORD\",3,"));
        assertEquals("malformed row", rows.get(5).get("reason"));
    }

    @Test
    void secondImportOfTheSameFileAddsNothing() throws IOException {
        ImportSummary first = importSample();
        List<java.net.URI> filesAfterFirst = reader().files(DateRange.all());

        ImportSummary second = importSample();

        assertEquals(0, second.written());
        assertEquals(first.written(), second.alreadyPresent());
        assertEquals(first.skippedByReason(), second.skippedByReason());
        assertEquals(first.rejectedByReason(), second.rejectedByReason());
        assertEquals(List.of(), second.filesWritten());
        assertEquals(filesAfterFirst, reader().files(DateRange.all()));
        assertEquals(11, reader().count(DateRange.all()));
    }

    @Test
    void gzippedInputIsRecognisedByContent() throws IOException {
        Path gz = dir.resolve("sample.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(path(ONLINE_RETAIL_SAMPLE), out);
        }

        ImportSummary summary = importer.run(ImportRequest.of("online-retail", gz.toString(), target));

        assertEquals(11, summary.written());
        assertEquals(20, summary.read());
    }

    @Test
    void progressCoversTheWholeFile() throws IOException {
        List<String> calls = new ArrayList<>();
        long[] advanced = {0};
        ProgressListener listener = new ProgressListener() {
            @Override
            public void start(String task, long totalUnits) {
                calls.add("start " + totalUnits);
            }

            @Override
            public void advance(long units) {
                advanced[0] += units;
            }

            @Override
            public void finish() {
                calls.add("finish");
            }
        };

        importer.run("online-retail", path(ONLINE_RETAIL_SAMPLE).toString(), target, listener);

        long size = Files.size(path(ONLINE_RETAIL_SAMPLE));
        assertEquals(List.of("start " + size, "finish"), calls);
        assertEquals(size, advanced[0]);
    }

    @Test
    void newSourceNeedsOnlyAMappingFile() throws IOException {
        ImportSummary summary = importer.run(ImportRequest.of(path(CORNER_SHOP_MAPPING).toString(),
                path(CORNER_SHOP_CSV).toString(), target));

        assertEquals("corner-shop", summary.source());
        assertEquals(5, summary.read());
        assertEquals(2, summary.written());
        assertEquals(Map.of("till test by staff", 1L), summary.skippedByReason());
        assertEquals(Map.of("withdrawn product", 1L, "invalid type", 1L), summary.rejectedByReason());
        // 23:30 at -02:00 is the next UTC day
        assertEquals(List.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2)), reader().partitions());
        try (Stream<BehaviourEvent> events = reader().events(DateRange.all())) {
            BehaviourEvent paid = events.findFirst().orElseThrow();
            assertEquals("AB12", paid.userId());
            assertEquals("T100/M", paid.itemId());
            assertEquals(2, paid.quantity());
            assertEquals("corner-shop", paid.source());
        }
    }

    @Test
    void rejectsGoWhereTheCallerSays() {
        Path rejects = dir.resolve("audit/retail-rejects.csv");

        ImportSummary summary = importer.run(ImportRequest.of("online-retail", path(ONLINE_RETAIL_SAMPLE).toString(),
                target).withRejectsFile(rejects.toString()));

        assertEquals(rejects.toUri(), summary.rejectsFile());
        assertTrue(Files.exists(rejects));
        assertFalse(Files.exists(dir.resolve("master/_rejects")));
    }

    @Test
    void cleanInputLeavesNoRejectsFile() throws IOException {
        Path csv = dir.resolve("clean.csv");
        Files.writeString(csv, "user_id,item_id,category_id,behavior_type,timestamp\n1,2,3,pv,1511658000\n");

        ImportSummary summary = importer.run(ImportRequest.of("taobao", csv.toString(), target));

        assertNull(summary.rejectsFile());
        assertFalse(Files.exists(dir.resolve("master/_rejects")));
    }

    @Test
    void missingInputIsOneClearLine() {
        ImportException e = assertThrows(ImportException.class,
                () -> importer.run(ImportRequest.of("online-retail", dir.resolve("nope.csv").toString(), target)));

        assertEquals("input file not found: " + dir.resolve("nope.csv").toFile().toURI(), e.getMessage());
    }

    @Test
    void directoryAsInputIsRefused() {
        ImportException e = assertThrows(ImportException.class,
                () -> importer.run(ImportRequest.of("online-retail", dir.toString(), target)));

        assertTrue(e.getMessage().endsWith("is a directory; give one CSV file"), e.getMessage());
    }

    @Test
    void unknownSourceIsOneClearLine() {
        ImportException e = assertThrows(ImportException.class,
                () -> importer.run(ImportRequest.of("ebay", path(ONLINE_RETAIL_SAMPLE).toString(), target)));

        assertTrue(e.getMessage().startsWith("unknown source 'ebay' (built-in: online-retail, taobao"), e.getMessage());
    }

    @Test
    void wrongMappingFailsBeforeAnythingIsWritten() throws IOException {
        Path mapping = dir.resolve("broken.json");
        Files.writeString(mapping, Files.readString(path(CORNER_SHOP_MAPPING)).replace("\"itemTitle\"", "\"title\""));

        ImportException e = assertThrows(ImportException.class,
                () -> importer.run(ImportRequest.of(mapping.toString(), path(CORNER_SHOP_CSV).toString(), target)));

        assertTrue(e.getMessage().contains("fields.title is not an event field"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("master")));
    }

    @Test
    void inputWithoutAMappedColumnIsNamed() throws IOException {
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "user,item,category_id,behavior_type,timestamp\n1,2,3,pv,1511658000\n");

        ImportException e = assertThrows(ImportException.class,
                () -> importer.run(ImportRequest.of("taobao", csv.toString(), target)));

        assertTrue(e.getMessage().matches(".*other\\.csv, line 1, column 'item_id': mapping 'taobao' reads this column.*"),
                e.getMessage());
    }

    @Test
    void inputThatBreaksHalfwayLeavesNothingBehind() throws IOException {
        Path csv = dir.resolve("broken.csv");
        Files.writeString(csv, "user_id,item_id,category_id,behavior_type,timestamp\n1,2,3,pv,1511658000\n"
                + "2,3,4,share,1511658000\n\"3,4,5,pv,1511658000\n", StandardCharsets.UTF_8);

        ImportException e = assertThrows(ImportException.class,
                () -> importer.run(ImportRequest.of("taobao", csv.toString(), target)));

        assertTrue(e.getMessage().contains("cannot read CSV after line 3"), e.getMessage());
        assertEquals(0, reader().count(DateRange.all()));
        try (Stream<Path> left = Files.walk(dir.resolve("master"))) {
            assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "no data, temp or rejects file");
        }
    }
}
