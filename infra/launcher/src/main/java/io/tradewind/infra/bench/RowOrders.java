package io.tradewind.infra.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The same Online Retail rows in three orders, for {@code bench import}: as exported (by date), grouped by
 * customer as a session log is (a customer's rows keep their order; rows without a customer last) and shuffled.
 */
final class RowOrders {
    enum Order { DATE, USER, SHUFFLED }

    private final String header;
    private final List<String> rows;

    private RowOrders(String header, List<String> rows) {
        this.header = header;
        this.rows = rows;
    }

    /** The first {@code maxRows} data rows of a (gzip) Online Retail CSV. */
    static RowOrders read(Path onlineRetail, int maxRows) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(onlineRetail), 1 << 16), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            List<String> rows = new ArrayList<>();
            for (String line = in.readLine(); line != null && rows.size() < maxRows; line = in.readLine()) {
                rows.add(line);
            }
            return new RowOrders(header, rows);
        }
    }

    int size() {
        return rows.size();
    }

    List<String> rows(Order order) {
        List<String> out = new ArrayList<>(rows);
        switch (order) {
            case DATE -> { }
            case USER -> out.sort(Comparator.comparing(RowOrders::customerOrLast)); // stable: keeps each one's order
            case SHUFFLED -> Collections.shuffle(out, new Random(42));
            default -> throw new IllegalArgumentException("unknown order " + order);
        }
        return out;
    }

    Path write(Order order, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.newLine();
            for (String row : rows(order)) {
                out.write(row);
                out.newLine();
            }
        }
        return file;
    }

    /** CustomerID is the second-to-last column and never quoted (see {@link ReplicatedCsv}). */
    static String customerOrLast(String line) {
        int countryStart = line.lastIndexOf(',');
        int customerStart = line.lastIndexOf(',', countryStart - 1);
        String customer = line.substring(customerStart + 1, countryStart);
        return customer.isEmpty() ? "\uffff" : customer;
    }
}
