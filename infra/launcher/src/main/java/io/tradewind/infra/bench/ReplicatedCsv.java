package io.tradewind.infra.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an Online Retail export {@code copies} times over, each copy with fresh customer ids (id + copy ·
 * 100,000), so a benchmark can measure how the platform scales with users and events on real purchase patterns.
 */
final class ReplicatedCsv {
    private static final int ID_STRIDE = 100_000;

    private ReplicatedCsv() {
    }

    /** @return data rows written (header excluded) */
    static long write(Path source, Path target, int copies) throws IOException {
        long rows = 0;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(target), 1 << 16), StandardCharsets.UTF_8))) {
            for (int copy = 0; copy < copies; copy++) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(source), 1 << 16), StandardCharsets.UTF_8))) {
                    String header = in.readLine();
                    if (copy == 0) {
                        out.write(header);
                        out.newLine();
                    }
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        out.write(copy == 0 ? line : withCustomerOffset(line, copy * ID_STRIDE));
                        out.newLine();
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    /** CustomerID is the second-to-last column and never quoted; descriptions before it may hold commas. */
    static String withCustomerOffset(String line, int offset) {
        int countryStart = line.lastIndexOf(',');
        int customerStart = line.lastIndexOf(',', countryStart - 1);
        String customer = line.substring(customerStart + 1, countryStart);
        if (customer.isBlank()) {
            return line;
        }
        long id = (long) Double.parseDouble(customer) + offset;
        return line.substring(0, customerStart + 1) + id + ".0" + line.substring(countryStart);
    }
}
