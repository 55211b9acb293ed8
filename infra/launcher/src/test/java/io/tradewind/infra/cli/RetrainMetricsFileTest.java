package io.tradewind.infra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.batch.retrain.metrics.TextFormatSample;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tradewind retrain --metrics-file}: after a success, a failure and a lock refusal the file says so, in
 * Prometheus text format, and keeps the last success through the runs that were not one. Through the real command
 * line, on a real HDFS.
 */
class RetrainMetricsFileTest {
    private static final String AS_OF = "2011-12-01";

    @TempDir
    static Path tmp;
    static EmbeddedHdfs hdfs;
    static String events;

    @BeforeAll
    static void importAShop() throws Exception {
        hdfs = EmbeddedHdfs.start(tmp.resolve("hdfs").toFile(), true);
        events = hdfs.uri() + "/tradewind/events";
        Path csv = tmp.resolve("shop.csv");
        Files.writeString(csv, shop());
        CommandLineErrorsTest.Outcome imported = CommandLineErrorsTest.run("import", "--source", "online-retail",
                "--input", csv.toString(), "--to", events);
        assertEquals(0, imported.exitCode(), imported.err());
    }

    @AfterAll
    static void stop() {
        hdfs.close();
    }

    @Test
    void successThenFailureThenLockEachRewriteTheFileAndKeepTheLastSuccess() throws Exception {
        String views = hdfs.uri() + "/tradewind/views";
        Path folder = Files.createDirectories(tmp.resolve("textfile"));
        Path file = folder.resolve("tradewind_retrain.prom");

        Instant before = Instant.now();
        CommandLineErrorsTest.Outcome ok = retrain(views, AS_OF, file);
        assertEquals(0, ok.exitCode(), ok.err());
        List<TextFormatSample> success = read(file);
        assertOutcome(success, "success");
        double lastRun = value(success, "tradewind_retrain_last_run_timestamp_seconds", Map.of());
        assertTrue(lastRun >= before.getEpochSecond() && lastRun <= Instant.now().getEpochSecond() + 1, "now: " + lastRun);
        assertEquals(lastRun, value(success, "tradewind_retrain_last_success_timestamp_seconds", Map.of()));
        assertEquals(Instant.parse("2011-12-01T00:00:00Z").getEpochSecond(),
                value(success, "tradewind_retrain_last_success_as_of_timestamp_seconds", Map.of()));
        String version = new ViewStore(views, hdfs.configuration()).current().orElseThrow();
        assertEquals(1, value(success, "tradewind_retrain_last_success_info", Map.of("version", version, "current", "true")));
        double stages = 0;
        for (String stage : List.of("aggregate", "portraits", "write", "models")) {
            double seconds = value(success, "tradewind_retrain_stage_duration_seconds", Map.of("stage", stage));
            assertTrue(seconds >= 0, stage + ": " + seconds);
            stages += seconds;
        }
        double duration = value(success, "tradewind_retrain_duration_seconds", Map.of());
        assertTrue(duration > 0 && duration + 0.05 >= stages, "the run (" + duration + " s) spans its stages (" + stages + " s)");

        CommandLineErrorsTest.Outcome failed = retrain(views, "2010-01-01", file); // no events before it
        assertEquals(1, failed.exitCode(), failed.err());
        assertTrue(failed.err().startsWith("error: no events before --as-of"), failed.err());
        List<TextFormatSample> afterFailure = read(file);
        assertOutcome(afterFailure, "failed");
        assertTrue(value(afterFailure, "tradewind_retrain_last_run_timestamp_seconds", Map.of()) >= lastRun);
        assertEquals(lastSuccessFamilies(success), lastSuccessFamilies(afterFailure), "the last success is kept");
        assertTrue(afterFailure.stream().noneMatch(s -> s.name().equals("tradewind_retrain_stage_duration_seconds")),
                "it failed before its first stage: " + afterFailure);

        try (OutputStream lock = FileSystem.get(java.net.URI.create(views), hdfs.configuration())
                .create(new org.apache.hadoop.fs.Path(views + "/_retrain.lock"), false)) {
            lock.write(("{\"id\":\"other\",\"host\":\"" + java.net.InetAddress.getLocalHost().getHostName()
                    + "\",\"pid\":" + ProcessHandle.current().pid() + ",\"user\":\"ops\",\"startedAt\":\""
                    + Instant.now() + "\",\"asOf\":\"2011-11-30T00:00:00Z\",\"command\":\"retrain\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        CommandLineErrorsTest.Outcome locked = retrain(views, AS_OF, file);
        assertEquals(TradewindCli.EXIT_LOCKED, locked.exitCode(), locked.err());
        List<TextFormatSample> afterLock = read(file);
        assertOutcome(afterLock, "locked");
        assertEquals(lastSuccessFamilies(success), lastSuccessFamilies(afterLock), "the last success is kept");

        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(file), left.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void aRunThatNeverSucceededHasNoLastSuccess() throws Exception {
        Path file = tmp.resolve("never.prom");
        CommandLineErrorsTest.Outcome failed = retrain(hdfs.uri() + "/tradewind/views-never", "2010-01-01", file);
        assertEquals(1, failed.exitCode(), failed.err());
        List<TextFormatSample> samples = read(file);
        assertOutcome(samples, "failed");
        assertEquals(Map.of(), lastSuccessFamilies(samples));
    }

    @Test
    void aMetricsFileInAMissingFolderIsAUsageErrorBeforeAnythingRuns() {
        Path file = tmp.resolve("no-such-folder").resolve("retrain.prom");
        CommandLineErrorsTest.Outcome o = retrain(hdfs.uri() + "/tradewind/views-bad", AS_OF, file);
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains("--metrics-file " + file + ": folder " + file.getParent() + " does not exist"), o.err());
        assertFalse(Files.exists(file));
    }

    @Test
    void aFileThatIsNotARetrainMetricsFileIsLeftAlone() throws Exception {
        Path file = tmp.resolve("node.prom");
        String someoneElses = "# TYPE node_load1 gauge\nnode_load1 0.5\n";
        Files.writeString(file, someoneElses);
        CommandLineErrorsTest.Outcome o = retrain(hdfs.uri() + "/tradewind/views-bad", AS_OF, file);
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains("--metrics-file " + file + " exists and is not a retrain metrics file (line 2: "
                + "metric node_load1 is not one the retrain writes)"), o.err());
        assertEquals(someoneElses, Files.readString(file));
    }

    private static CommandLineErrorsTest.Outcome retrain(String views, String asOf, Path metricsFile) {
        return CommandLineErrorsTest.run("retrain", "--events", events, "--out", views, "--as-of", asOf,
                "--metrics-file", metricsFile.toString());
    }

    private static List<TextFormatSample> read(Path file) throws java.io.IOException {
        return TextFormatSample.parseAll(Files.readString(file));
    }

    private static void assertOutcome(List<TextFormatSample> samples, String expected) {
        for (String outcome : List.of("success", "failed", "locked")) {
            assertEquals(outcome.equals(expected) ? 1 : 0, value(samples, "tradewind_retrain_outcome",
                    Map.of("outcome", outcome)), outcome);
        }
    }

    private static double value(List<TextFormatSample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels))
                .mapToDouble(TextFormatSample::value).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + labels + " in " + samples));
    }

    private static Map<String, Set<TextFormatSample>> lastSuccessFamilies(List<TextFormatSample> samples) {
        return samples.stream().filter(s -> s.name().startsWith("tradewind_retrain_last_success_"))
                .collect(Collectors.groupingBy(TextFormatSample::name, Collectors.toSet()));
    }

    /** Twelve customers buying from two product families every month of 2011. */
    private static String shop() {
        StringBuilder csv = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
        int invoice = 560000;
        for (int month = 1; month <= 11; month++) {
            for (int customer = 0; customer < 12; customer++) {
                invoice++;
                int family = customer % 2;
                for (int item = 0; item < 2; item++) {
                    int stock = 22000 + family * 10 + (customer + month + item) % 4;
                    csv.append(String.format("%d,%d,ITEM %d,%d,2011-%02d-%02d 09:00:00,%.2f,%d.0,Germany%n", invoice,
                            stock, stock, 1 + (customer + item) % 3, month, 1 + customer, 2.0 + family, 14000 + customer));
                }
            }
        }
        return csv.toString();
    }
}
