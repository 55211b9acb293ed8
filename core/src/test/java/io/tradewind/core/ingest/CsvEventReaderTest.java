package io.tradewind.core.ingest;

import static io.tradewind.core.ingest.MappingTestSupport.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvEventReaderTest {
    private static final SourceMapping TAOBAO = SourceMappings.builtIn("taobao");
    private static final SourceMapping RETAIL = SourceMappings.builtIn("online-retail");

    @Test
    void linesCountFromTheHeaderAndSurviveQuotedLineBreaks() {
        String csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\r\n"
                + "1,A,\"two\r\nlines\",1,2011-01-01 10:00:00,1.0,1.0,UK\r\n"
                + "2,B,one line,1,2011-01-01 10:00:00,1.0,1.0,UK\r\n";

        List<MappedRow> rows = read(RETAIL, csv);

        assertEquals(List.of(2L, 4L), rows.stream().map(MappedRow::line).toList());
    }

    @Test
    void rawRowIsTheCanonicalCsvOfTheRecord() {
        String csv = "user_id,item_id,category_id,behavior_type,timestamp\n\"1\",2,3,pv,1511658000\n";

        assertEquals("1,2,3,pv,1511658000", read(TAOBAO, csv).get(0).rawRow());
    }

    @Test
    void quotingStyleDoesNotChangeTheEventId() {
        String header = "user_id,item_id,category_id,behavior_type,timestamp\n";
        MappedRow plain = read(TAOBAO, header + "1,2,3,pv,1511658000\n").get(0);
        MappedRow quoted = read(TAOBAO, header + "\"1\",\"2\",3,pv,1511658000\r\n").get(0);

        assertEquals(MappingTestSupport.event(plain.outcome()).eventId(),
                MappingTestSupport.event(quoted.outcome()).eventId());
    }

    @Test
    void byteOrderMarkDoesNotHideTheFirstColumn() {
        String csv = "\uFEFFuser_id,item_id,category_id,behavior_type,timestamp\n1,2,3,pv,1511658000\n";

        assertTrue(read(TAOBAO, csv).get(0).outcome() instanceof RowOutcome.Mapped);
    }

    @Test
    void emptyInputIsReported() {
        String message = assertThrows(CsvInputException.class, () -> read(TAOBAO, "")).getMessage();

        assertEquals("test.csv is empty: expected a header line", message);
    }

    @Test
    void unterminatedQuoteIsReportedWithTheLastGoodLine() {
        String csv = "user_id,item_id,category_id,behavior_type,timestamp\n1,2,3,pv,1511658000\n\"4,5,6,pv,1\n";

        String message = assertThrows(CsvInputException.class, () -> read(TAOBAO, csv)).getMessage();

        assertTrue(message.startsWith("test.csv: cannot read CSV after line 2: "), message);
    }
}
