package io.tradewind.core.ingest;

import static io.tradewind.core.ingest.MappingTestSupport.event;
import static io.tradewind.core.ingest.MappingTestSupport.only;
import static io.tradewind.core.ingest.MappingTestSupport.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recipes of the mapping docs (README, "Mapping recipes"), one test each: the shapes of common click and
 * session logs that are not shop exports.
 */
class LogShapeMappingTest {
    private static SourceMapping mapping(String csv, String fields) {
        String json = "{\"source\": \"log\", \"csv\": " + csv + ", \"fields\": {" + fields + "}}";
        try {
            return SourceMappings.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String SESSION_VIEWS = """
            "userId": {"column": "session"}, "itemId": {"column": "item"}, "type": {"constant": "VIEW"},
            "timestamp": {"column": "time", "time": {"format": "%s"}}""";

    private static SourceMapping sessionLog(String csv, String timeFormat) {
        return mapping(csv, SESSION_VIEWS.formatted(timeFormat));
    }

    @Test
    void tabDelimiterWrittenAsBackslashT() {
        SourceMapping m = sessionLog("{\"delimiter\": \"\\\\t\"}", "epoch-seconds");

        BehaviourEvent e = event(only(m, "session\titem\ttime\ns1\ti9\t1396437466\n"));

        assertEquals("s1", e.userId());
        assertEquals("i9", e.itemId());
    }

    @Test
    void anySingleCharacterDelimiter() {
        SourceMapping m = sessionLog("{\"delimiter\": \"|\"}", "epoch-seconds");

        BehaviourEvent e = event(only(m, "session|item|time\ns1|i,9|1396437466\n"));

        assertEquals("i,9", e.itemId(), "a comma is plain text once the delimiter is another character");
    }

    @Test
    void epochSecondsWithAndWithoutFraction() {
        SourceMapping m = sessionLog("{}", "epoch-seconds");

        List<MappedRow> rows = read(m, "session,item,time\ns,i,1396437466\ns,i,1396437466.94\ns,i,1396437466.9999\n");

        assertEquals(1_396_437_466_000L, event(rows.get(0).outcome()).timestampMillis());
        assertEquals(1_396_437_466_940L, event(rows.get(1).outcome()).timestampMillis());
        assertEquals(1_396_437_466_999L, event(rows.get(2).outcome()).timestampMillis(), "sub-ms digits dropped");
    }

    @Test
    void epochMillisWithAndWithoutFraction() {
        SourceMapping m = sessionLog("{}", "epoch-millis");

        List<MappedRow> rows = read(m, "session,item,time\ns,i,1396437466940\ns,i,1396437466940.7\n");

        assertEquals(1_396_437_466_940L, event(rows.get(0).outcome()).timestampMillis());
        assertEquals(1_396_437_466_940L, event(rows.get(1).outcome()).timestampMillis());
    }

    @Test
    void epochThatIsNotANumberIsRejectedNamingTheColumn() {
        SourceMapping m = sessionLog("{}", "epoch-seconds");

        RowOutcome.Rejected rejected = (RowOutcome.Rejected) only(m, "session,item,time\ns,i,1396437466,94\n".replace(
                "1396437466,94", "yesterday"));

        assertEquals("invalid timestamp", rejected.reason());
        assertEquals("timestamp (column 'time'): 'yesterday' is not an epoch time in seconds", rejected.detail());
    }

    @Test
    void constantEventTypeForEveryRow() {
        SourceMapping m = sessionLog("{}", "epoch-seconds");

        List<MappedRow> rows = read(m, "session,item,time\na,1,1396437466\nb,2,1396437467\n");

        assertEquals(List.of(EventType.VIEW, EventType.VIEW),
                rows.stream().map(r -> event(r.outcome()).type()).toList());
    }

    @Test
    void headerlessFileNamesItsColumns() {
        SourceMapping m = sessionLog("{\"delimiter\": \"\\\\t\", \"header\": false, \"columns\": [\"session\", \"item\", \"time\"]}",
                "epoch-seconds");

        List<MappedRow> rows = read(m, "s1\ti9\t1396437466.94\n");

        assertEquals(1, rows.size(), "the first line is data, not a header");
        assertEquals(1, rows.get(0).line());
        assertEquals(Instant.ofEpochMilli(1_396_437_466_940L), event(rows.get(0).outcome()).timestamp());
    }

    @Test
    void sessionIdStandsInForTheUserId() {
        SourceMapping m = mapping("{}", """
                "userId": {"template": "session-{session}"}, "itemId": {"column": "item"}, "type": {"constant": "VIEW"},
                "timestamp": {"column": "time", "time": {"format": "epoch-seconds"}}""");

        List<MappedRow> rows = read(m, "session,item,time\n17,i1,1396437466\n17,i2,1396437467\n18,i1,1396437468\n");

        assertEquals(List.of("session-17", "session-17", "session-18"),
                rows.stream().map(r -> event(r.outcome()).userId()).toList());
    }

    @Test
    void truncateAndRoundMakeWholeNumbersOfFractions() {
        SourceMapping m = mapping("{}", """
                "userId": {"column": "u", "transforms": ["truncate"]}, "itemId": {"column": "i"},
                "type": {"constant": "BUY"}, "quantity": {"column": "q", "transforms": ["round"]},
                "timestamp": {"column": "t", "time": {"format": "epoch-seconds"}}""");

        BehaviourEvent e = event(only(m, "u,i,q,t\n17.9,x,2.5,1396437466\n"));

        assertEquals("17", e.userId());
        assertEquals(3, e.quantity());
    }

    @Test
    void aDelimiterThatSplitsNothingIsNamedWithTheFileAndLine() {
        SourceMapping m = sessionLog("{}", "epoch-seconds");

        MappingException e = assertThrows(MappingException.class,
                () -> CsvEventReader.open(m, new StringReader("session\titem\ttime\ns\ti\t1\n"), "clicks.tsv"));

        assertTrue(e.getMessage().matches("(?s)clicks\\.tsv, line 1, column '(session|item|time)': .*"), e.getMessage());
        assertTrue(e.getMessage().contains("did not split on the delimiter ','; it contains '\\t' (tab)"), e.getMessage());
    }

    @Test
    void aFileCutOffMidLineIsAnInputErrorNotAReject() {
        SourceMapping m = sessionLog("{}", "epoch-seconds");

        CsvInputException e = assertThrows(CsvInputException.class,
                () -> MappingTestSupport.read(m, "session,item,time\ns,i,1396437466\ns,i"));

        assertEquals("test.csv is cut off mid-line: line 3 ends in column 'item' (2 of 3 columns) without a line "
                + "break; the file looks truncated, nothing was imported", e.getMessage());
    }
}
