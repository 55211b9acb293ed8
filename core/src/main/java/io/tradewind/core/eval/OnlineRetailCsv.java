package io.tradewind.core.eval;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads the UCI Online Retail CSV (plain or gzip, RFC 4180) and applies the cleaning rules of PROTOCOL.md
 * section 1, in order: no CustomerID; InvoiceNo starting with C or A; Quantity or UnitPrice not positive;
 * StockCode not starting with five digits.
 *
 * <p>Beside the kept purchases it keeps the return lines: rows of a {@code C} invoice with a CustomerID, a
 * negative Quantity and a product StockCode. They are counted under rule 2 as the protocol says and are no
 * interactions; they only net out purchases in the models' training inputs ({@link EvaluationSplit#modelTrain()}).
 */
public final class OnlineRetailCsv {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * The kept purchases in file order, with the cleaning counts, and the return lines in file order (quantity =
     * units returned, positive).
     */
    public record Cleaned(CleaningReport report, List<Purchase> purchases, List<Purchase> returns) {
        /** Purchases without return lines (fixtures that have none). */
        public Cleaned(CleaningReport report, List<Purchase> purchases) {
            this(report, purchases, List.of());
        }
    }

    private OnlineRetailCsv() {
    }

    public static Cleaned load(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return clean(reader, file.getFileName().toString());
        }
    }

    static Cleaned clean(Reader reader, String fileName) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        long read = 0;
        long noCustomer = 0;
        long cancelOrAdjust = 0;
        long nonPositive = 0;
        long nonProduct = 0;
        List<Purchase> kept = new ArrayList<>(400_000);
        List<Purchase> returns = new ArrayList<>(10_000);
        Set<String> users = new HashSet<>();
        Set<String> items = new HashSet<>();
        try (CSVParser parser = format.parse(reader)) {
            for (CSVRecord row : parser) {
                read++;
                String customer = row.get("CustomerID").strip();
                if (customer.isEmpty()) {
                    noCustomer++;
                    continue;
                }
                String invoice = row.get("InvoiceNo").strip();
                if (invoice.startsWith("C") || invoice.startsWith("A")) {
                    cancelOrAdjust++;
                    returnLine(row, customer, invoice).ifPresent(returns::add);
                    continue;
                }
                if (Double.parseDouble(row.get("Quantity").strip()) <= 0
                        || Double.parseDouble(row.get("UnitPrice").strip()) <= 0) {
                    nonPositive++;
                    continue;
                }
                String stockCode = row.get("StockCode").strip();
                if (!startsWithFiveDigits(stockCode)) {
                    nonProduct++;
                    continue;
                }
                String user = userOf(customer);
                kept.add(new Purchase(user, stockCode, invoice, timeOf(row),
                        (long) Double.parseDouble(row.get("Quantity").strip())));
                users.add(user);
                items.add(stockCode);
            }
        }
        CleaningReport report = new CleaningReport(fileName, read, noCustomer, cancelOrAdjust, nonPositive, nonProduct,
                kept.size(), users.size(), items.size());
        return new Cleaned(report, kept, returns);
    }

    /** A cancellation's product line, as a return of its units; bad-debt adjustments and fee lines are none. */
    private static Optional<Purchase> returnLine(CSVRecord row, String customer, String invoice) {
        long quantity = (long) Double.parseDouble(row.get("Quantity").strip());
        String stockCode = row.get("StockCode").strip();
        if (!invoice.startsWith("C") || quantity >= 0 || !startsWithFiveDigits(stockCode)) {
            return Optional.empty();
        }
        return Optional.of(new Purchase(userOf(customer), stockCode, invoice, timeOf(row), -quantity));
    }

    private static String userOf(String customer) {
        return Long.toString((long) Double.parseDouble(customer));
    }

    private static long timeOf(CSVRecord row) {
        return LocalDateTime.parse(row.get("InvoiceDate").strip(), DATE).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** {@code ^\d{5}} with ASCII digits. */
    static boolean startsWithFiveDigits(String code) {
        if (code.length() < 5) {
            return false;
        }
        for (int k = 0; k < 5; k++) {
            char c = code.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A protocol time stamp ("2011-09-01 00:00:00") in the same millis as {@link Purchase#timestamp()}. */
    public static long millis(String localDateTime) {
        return LocalDateTime.parse(localDateTime, DATE).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
