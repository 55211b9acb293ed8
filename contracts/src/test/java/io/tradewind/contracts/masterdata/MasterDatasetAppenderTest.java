package io.tradewind.contracts.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Append-only, idempotent, invisible until committed; on the local file system (HDFS: EventImporterHdfsTest). */
class MasterDatasetAppenderTest {
    private static final Configuration CONF = new Configuration();
    private static final LocalDate DAY1 = LocalDate.of(2011, 12, 8);
    private static final LocalDate DAY2 = LocalDate.of(2011, 12, 9);

    @TempDir
    Path dir;
    private MasterDatasetLayout layout;
    private MasterDatasetReader reader;

    @BeforeEach
    void openDataset() {
        layout = MasterDatasetLayout.at(dir.resolve("master").toString(), CONF);
        reader = new MasterDatasetReader(layout, CONF);
    }

    static BehaviourEvent event(String id, String time) {
        return new BehaviourEvent(id, "u-" + id, "i-" + id, EventType.BUY, Instant.parse(time).toEpochMilli(), 2, 1.5,
                "GBP", "France", null, null, "title " + id, "test");
    }

    private AppendResult append(String writeId, int maxBuffered, BehaviourEvent... events) throws IOException {
        try (MasterDatasetAppender appender = new MasterDatasetAppender(layout, CONF, writeId, maxBuffered,
                dir.resolve("spill"))) {
            for (BehaviourEvent e : events) {
                appender.append(e);
            }
            return appender.commit();
        }
    }

    private List<BehaviourEvent> all() throws IOException {
        try (Stream<BehaviourEvent> events = reader.events(DateRange.all())) {
            return events.toList();
        }
    }

    @Test
    void eventsLandInTheirUtcDatePartitionAndReadBackEqual() throws IOException {
        BehaviourEvent late = event("a", "2011-12-08T23:59:59Z");
        BehaviourEvent early = event("b", "2011-12-09T00:00:00Z");

        AppendResult result = append("w1", 4, late, early);

        assertEquals(List.of(DAY1, DAY2), reader.partitions());
        assertEquals(List.of(DAY1, DAY2), result.partitions());
        assertEquals(2, result.written());
        assertEquals(List.of(late, early), all());
        assertTrue(result.files().get(0).toString().matches("file:.*/master/date=2011-12-08/part-[0-9a-f]{32}\\.parquet"),
                result.files().toString());
    }

    @Test
    void appendingTheSameEventsAgainAddsNothing() throws IOException {
        append("w1", 4, event("a", "2011-12-08T10:00:00Z"), event("b", "2011-12-09T10:00:00Z"));

        AppendResult again = append("w2", 4, event("a", "2011-12-08T10:00:00Z"), event("b", "2011-12-09T10:00:00Z"),
                event("c", "2011-12-09T11:00:00Z"));

        assertEquals(1, again.written());
        assertEquals(2, again.alreadyPresent());
        assertEquals(List.of(DAY2), again.partitions());
        assertEquals(3, reader.count(DateRange.all()));
        assertEquals(3, all().stream().map(BehaviourEvent::eventId).distinct().count());
    }

    @Test
    void unsortedInputSpilledInRunsWritesOneFilePerPartitionWithoutDuplicates() throws IOException {
        AppendResult result = append("w1", 1, event("a", "2011-12-08T10:00:00Z"), event("b", "2011-12-09T10:00:00Z"),
                event("c", "2011-12-08T11:00:00Z"), event("a", "2011-12-08T10:00:00Z"));

        assertEquals(3, result.written());
        assertEquals(1, result.alreadyPresent());
        assertEquals(1, layout.dataFiles(DAY1).size(), "one file per partition per import");
        assertEquals(1, layout.dataFiles(DAY2).size());
        assertEquals(3, reader.count(DateRange.all()));
        try (Stream<BehaviourEvent> day1 = reader.events(DateRange.day(DAY1))) {
            assertEquals(List.of("a", "c"), day1.map(BehaviourEvent::eventId).toList(), "time order within a date");
        }
        assertFalse(Files.list(dir.resolve("spill")).findAny().isPresent(), "spilled runs are deleted");
    }

    @Test
    void rowOrderDoesNotChangeWhatIsWrittenOrHowManyFiles() throws IOException {
        List<BehaviourEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(event("e" + i, Instant.parse("2011-12-01T10:00:00Z").plusSeconds(86_400L * (i % 7) + i)
                    .toString()));
        }
        java.util.Collections.shuffle(events, new java.util.Random(7));
        AppendResult shuffled = append("w1", 16, events.toArray(BehaviourEvent[]::new));

        assertEquals(300, shuffled.written());
        assertEquals(7, shuffled.files().size(), "one file for each of the 7 dates, though 19 runs were spilled");
        List<BehaviourEvent> back = all();
        assertEquals(300, back.size());
        for (BehaviourEvent e : back) {
            assertTrue(reader.files(DateRange.day(MasterDatasetLayout.partitionOf(e.timestampMillis()))).size() == 1);
        }
        List<List<String>> namesShuffled = fileNames(layout);
        java.util.Collections.reverse(events);
        AppendResult again = append("w2", 5, events.toArray(BehaviourEvent[]::new));
        assertEquals(0, again.written());
        assertEquals(300, again.alreadyPresent());
        MasterDatasetLayout other = MasterDatasetLayout.at(dir.resolve("other").toString(), CONF);
        try (MasterDatasetAppender appender = new MasterDatasetAppender(other, CONF, "w3", 7, dir.resolve("spill"))) {
            for (BehaviourEvent e : events) {
                appender.append(e);
            }
            appender.commit();
        }
        assertEquals(namesShuffled, fileNames(other), "the same events in another order name the same files");
    }

    @Test
    void equalTimesKeepTheirArrivalOrderAcrossSpilledRuns() throws IOException {
        append("w1", 2, event("x", "2011-12-08T10:00:00Z"), event("y", "2011-12-08T09:00:00Z"),
                event("z", "2011-12-08T10:00:00Z"), event("w", "2011-12-08T10:00:00Z"));

        assertEquals(List.of("y", "x", "z", "w"), all().stream().map(BehaviourEvent::eventId).toList());
    }

    private static List<List<String>> fileNames(MasterDatasetLayout layout) throws IOException {
        List<List<String>> names = new java.util.ArrayList<>();
        for (LocalDate date : layout.partitions()) {
            names.add(layout.dataFiles(date).stream().map(org.apache.hadoop.fs.Path::getName).toList());
        }
        return names;
    }

    @Test
    void nothingIsVisibleBeforeCommitAndAbortLeavesNoTrace() throws IOException {
        try (MasterDatasetAppender appender = new MasterDatasetAppender(layout, CONF, "w1")) {
            appender.append(event("a", "2011-12-08T10:00:00Z"));
            appender.append(event("b", "2011-12-09T10:00:00Z"));
            assertEquals(0, reader.count(DateRange.all()));
            // close without commit: an exception between open and commit ends up here
        }

        assertEquals(0, reader.count(DateRange.all()));
        assertFalse(Files.exists(dir.resolve("master/_tmp/w1")));
    }

    @Test
    void crashedWriteStaysInvisibleAndARerunCompletesIt() throws IOException {
        MasterDatasetAppender crashed = new MasterDatasetAppender(layout, CONF, "crashed", 1, dir.resolve("spill"));
        crashed.append(event("a", "2011-12-08T10:00:00Z"));
        crashed.append(event("b", "2011-12-09T10:00:00Z")); // both spilled as runs on local disk
        // the process dies here: neither commit nor abort
        assertEquals(2, crashed.spilledRuns());
        assertEquals(List.of(), reader.files(DateRange.all()));

        AppendResult rerun = append("rerun", 4, event("a", "2011-12-08T10:00:00Z"), event("b", "2011-12-09T10:00:00Z"));
        assertEquals(2, rerun.written());
        assertEquals(2, reader.count(DateRange.all()));
    }

    @Test
    void aCommitThatDiedBeforeItsRenamesIsCompletedByARerun() throws IOException {
        Files.createDirectories(dir.resolve("master/_tmp/died"));
        Files.writeString(dir.resolve("master/_tmp/died/2011-12-08.parquet"), "half written");

        AppendResult rerun = append("rerun", 4, event("a", "2011-12-08T10:00:00Z"));

        assertEquals(1, rerun.written());
        assertEquals(1, reader.count(DateRange.all()));
    }

    @Test
    void filesAndEventsCanBeLimitedToADateRange() throws IOException {
        append("w1", 4, event("a", "2011-12-07T10:00:00Z"), event("b", "2011-12-08T10:00:00Z"),
                event("c", "2011-12-09T10:00:00Z"));

        DateRange lastTwoDays = new DateRange(DAY1, DAY2);

        assertEquals(2, reader.files(lastTwoDays).size());
        assertTrue(reader.files(DateRange.day(DAY1)).get(0).toString().contains("/date=2011-12-08/"));
        try (Stream<BehaviourEvent> events = reader.events(DateRange.before(DAY1.minusDays(1), DAY2))) {
            assertEquals(List.of("a", "b"), events.map(BehaviourEvent::eventId).toList());
        }
        assertEquals(1, reader.count(DateRange.day(DAY2)));
    }

    @Test
    void hiddenAndForeignEntriesAreNotData() throws IOException {
        append("w1", 4, event("a", "2011-12-08T10:00:00Z"));
        Files.createDirectories(dir.resolve("master/date=not-a-date"));
        Files.writeString(dir.resolve("master/date=2011-12-08/_SUCCESS"), "");
        Files.writeString(dir.resolve("master/date=2011-12-08/.part-x.parquet"), "half written");

        assertEquals(List.of(DAY1), reader.partitions());
        assertEquals(1, reader.files(DateRange.all()).size());
    }

    @Test
    void emptyOrMissingDatasetReadsAsEmpty() throws IOException {
        assertEquals(List.of(), reader.partitions());
        assertEquals(0, reader.count(DateRange.all()));
        assertEquals(List.of(), all());
    }
}
