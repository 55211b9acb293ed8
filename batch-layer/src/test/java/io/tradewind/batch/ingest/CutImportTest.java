package io.tradewind.batch.ingest;

import static io.tradewind.batch.ingest.Fixtures.ONLINE_RETAIL_SAMPLE;
import static io.tradewind.batch.ingest.Fixtures.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.masterdata.DateRange;
import io.tradewind.contracts.masterdata.MasterDatasetReader;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.ingest.SourceMappings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import cut at an instant ({@link ImportRequest#withEventsBefore}) and the held-back slice ({@link EventSlice}):
 * together they are exactly a full import, with the same event ids, so replaying the slice adds each event once.
 * The sample has 11 events: 7 on 2010-12-01 (one at 23:59), 2 on 12-02 (one at 00:00:00), 2 on 12-03.
 */
class CutImportTest {
    private static final Configuration CONF = new Configuration();
    private static final Instant CUT = Instant.parse("2010-12-02T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void eventsAtOrAfterTheCutAreCountedAsHeldBackAndNotWritten() throws IOException {
        String target = dir.resolve("master").toString();

        ImportSummary summary = new EventImporter(CONF).run(ImportRequest.of("online-retail",
                path(ONLINE_RETAIL_SAMPLE).toString(), target).withEventsBefore(CUT));

        assertEquals(20, summary.read());
        assertEquals(7, summary.written());
        assertEquals(3 + 4, summary.skipped(), "the mapping's 3 skips and the 4 held-back events");
        assertEquals(4L, summary.skippedByReason().get("held back: dated at or after 2010-12-02T00:00:00Z"));
        assertEquals(6, summary.rejected(), "rows are rejected whatever their date");
        MasterDatasetReader reader = MasterDatasetReader.at(target, CONF);
        assertEquals(List.of(LocalDate.of(2010, 12, 1)), reader.partitions());
        assertEquals(7, reader.count(DateRange.all()));
        assertTrue(summary.describe().contains("skipped 4: held back: dated at or after 2010-12-02T00:00:00Z"),
                summary.describe());
    }

    @Test
    void theCutImportAndTheHeldBackSliceTogetherAreTheFullImportWithItsIds() throws IOException {
        String full = dir.resolve("full").toString();
        String cut = dir.resolve("cut").toString();
        new EventImporter(CONF).run(ImportRequest.of("online-retail", path(ONLINE_RETAIL_SAMPLE).toString(), full));
        new EventImporter(CONF).run(ImportRequest.of("online-retail", path(ONLINE_RETAIL_SAMPLE).toString(), cut)
                .withEventsBefore(CUT));

        List<BehaviourEvent> heldBack = EventSlice.read(SourceMappings.builtIn("online-retail"),
                path(ONLINE_RETAIL_SAMPLE).toString(), CONF, CUT, null);

        assertEquals(4, heldBack.size());
        assertEquals(List.of("2010-12-02T00:00:00Z", "2010-12-02T12:30:00Z", "2010-12-03T12:00:00Z",
                "2010-12-03T13:00:00Z"), heldBack.stream().map(e -> e.timestamp().toString()).toList(), "event-time order");
        Set<String> together = new HashSet<>(ids(cut));
        heldBack.forEach(e -> together.add(e.eventId()));
        assertEquals(ids(full), together);
    }

    @Test
    void aSliceHasBothBoundsAndKeepsTheFilesOrderWithinAnInstant() {
        List<BehaviourEvent> firstMorning = EventSlice.read(SourceMappings.builtIn("online-retail"),
                path(ONLINE_RETAIL_SAMPLE).toString(), CONF, null, Instant.parse("2010-12-01T09:00:00Z"));

        assertEquals(List.of("85123A", "71053", "22423"), firstMorning.stream().map(BehaviourEvent::itemId).toList());
    }

    @Test
    void aCutBeforeEveryEventIsOneClearLineAndWritesNothing() throws IOException {
        String target = dir.resolve("master").toString();

        ImportException e = assertThrows(ImportException.class, () -> new EventImporter(CONF).run(ImportRequest.of(
                "online-retail", path(ONLINE_RETAIL_SAMPLE).toString(), target)
                .withEventsBefore(Instant.parse("2010-01-01T00:00:00Z"))));

        assertTrue(e.getMessage().contains("no event dated before 2010-01-01T00:00:00Z (all 11 events are at or after it)"),
                e.getMessage());
        assertTrue(!dir.resolve("master").toFile().exists() || MasterDatasetReader.at(target, CONF).partitions().isEmpty());
    }

    private static Set<String> ids(String root) throws IOException {
        try (Stream<BehaviourEvent> events = MasterDatasetReader.at(root, CONF).events(DateRange.all())) {
            return events.map(BehaviourEvent::eventId).collect(Collectors.toSet());
        }
    }
}
