package io.tradewind.infra.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicatedCsvTest {
    @TempDir
    Path dir;

    @Test
    void copiesGetFreshCustomersAndKeepEverythingElse() throws Exception {
        Path source = dir.resolve("in.csv.gz");
        try (var out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(source)), StandardCharsets.UTF_8)) {
            out.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                    + "536365,85123A,\"HEART, WHITE\",6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
                    + "536366,22633,HAND WARMER,6,2010-12-01 08:28:00,1.85,,United Kingdom\n");
        }
        Path target = dir.resolve("out.csv.gz");
        assertEquals(6, ReplicatedCsv.write(source, target, 3));
        List<String> lines;
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(target)),
                StandardCharsets.UTF_8))) {
            lines = in.lines().toList();
        }
        assertEquals(7, lines.size(), "one header, three copies of two rows");
        assertEquals("536365,85123A,\"HEART, WHITE\",6,2010-12-01 08:26:00,2.55,217850.0,United Kingdom", lines.get(5));
        assertEquals("536366,22633,HAND WARMER,6,2010-12-01 08:28:00,1.85,,United Kingdom", lines.get(6),
                "rows without a customer stay without one");
    }
}
