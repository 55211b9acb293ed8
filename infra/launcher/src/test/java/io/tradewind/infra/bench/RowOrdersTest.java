package io.tradewind.infra.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench import compares like with like: the three orders hold exactly the same rows. */
class RowOrdersTest {
    @TempDir
    Path dir;

    @Test
    void ordersHoldTheSameRowsGroupedOrShuffled() throws IOException {
        Path csv = dir.resolve("or.csv.gz");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(String.format("5%05d,85123A,\"HOLDER, WHITE\",1,2011-01-%02d 10:00:00,2.55,%s,France", i,
                    1 + i % 28, i % 7 == 0 ? "" : (12340 + i % 5) + ".0"));
        }
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(csv)), StandardCharsets.UTF_8)) {
            out.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
            for (String row : rows) {
                out.write(row + "\n");
            }
        }
        RowOrders orders = RowOrders.read(csv, 150);

        List<String> date = orders.rows(RowOrders.Order.DATE);
        List<String> user = orders.rows(RowOrders.Order.USER);
        List<String> shuffled = orders.rows(RowOrders.Order.SHUFFLED);

        assertEquals(rows.subList(0, 150), date);
        assertEquals(date.stream().sorted().toList(), user.stream().sorted().toList());
        assertEquals(date.stream().sorted().toList(), shuffled.stream().sorted().toList());
        assertNotEquals(date, shuffled);
        assertEquals("12340.0", RowOrders.customerOrLast(user.get(0)));
        assertEquals("\uffff", RowOrders.customerOrLast(user.get(149)), "rows without a customer last");
        assertEquals(date.stream().filter(r -> r.contains(",12341.0,")).toList(),
                user.stream().filter(r -> r.contains(",12341.0,")).toList(), "a customer's rows keep their order");
    }
}
