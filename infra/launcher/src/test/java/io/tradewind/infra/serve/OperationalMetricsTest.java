package io.tradewind.infra.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.batch.retrain.metrics.TextFormatSample;
import io.tradewind.infra.cli.TradewindCli;
import io.tradewind.infra.ops.GrafanaDashboardCheck;
import io.tradewind.infra.ops.Scrape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operational metrics of the running stack, scraped as Prometheus scrapes them: the speed layer's Flink reporter
 * (Kafka lag, checkpoints, the job's counters) on the embedded runner, the API's {@code /metrics} and the retrain's
 * metrics file. The same scrapes are what the Grafana dashboard is checked against ({@code GrafanaDashboardTest}).
 */
class OperationalMetricsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Path SCRAPES = Path.of("target", "ops-scrapes");
    /** Tests run in the module's folder (infra/launcher). */
    static final Path DASHBOARD = Path.of("..", "..", "ops", "grafana", "tradewind.json");

    static Path retrainMetrics;
    static long startedMillis;

    static ShopStack stack;

    @BeforeAll
    static void start() throws Exception {
        startedMillis = System.currentTimeMillis();
        retrainMetrics = Files.createTempDirectory("tradewind-ops-retrain").resolve("tradewind_retrain.prom");
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        stack = ShopStack.start("tradewind-ops", (events, views, fs) -> assertEquals(0, TradewindCli.run("retrain",
                        "--events", events, "--out", views, "--as-of", "2011-12-01", "--metrics-file",
                        retrainMetrics.toString()), "the retrain through the command line"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Speed layer metrics (Prometheus): " + stack.speed.metricsUrl()),
                "the runner prints where its metrics are: " + printed);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theSpeedLayerReportsKafkaLagCheckpointsAndItsCountersInPrometheusFormat() throws Exception {
        long now = System.currentTimeMillis();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 40; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"eventId":"ops-%d","userId":"%d","itemId":"2100%d","type":"view","timestamp":%d}"""
                    .formatted(i, 13000 + i % 10, i % 6, now + i));
        }
        post(batch.append("]").toString());
        post("""
                {"eventId":"ops-0","userId":"13000","itemId":"21000","type":"view","timestamp":%d}""".formatted(now));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafkaProperties())) {
            producer.send(new ProducerRecord<>("events", "13000".getBytes(StandardCharsets.UTF_8),
                    "not an event".getBytes(StandardCharsets.UTF_8))).get();
        }

        // All 42 records counted, and a checkpoint completed after they were: the lag and age below describe them.
        Scrape flink = pollFlink(s -> sum(s, "flink_taskmanager_job_task_operator_eventsDecoded") >= 40
                && sum(s, "flink_taskmanager_job_task_operator_duplicatesDropped") >= 1
                && sum(s, "flink_taskmanager_job_task_operator_eventsDeadLettered") >= 1
                && max(s, "flink_taskmanager_job_task_operator_lastCompletedCheckpointTimestamp") > now + 2000
                // The JobManager's count can trail the tasks' notification by a moment (seen once under load).
                && sum(s, "flink_jobmanager_job_numberOfCompletedCheckpoints") >= 1);
        save("flink.txt", flink);

        // The duplicate is decoded, then dropped; the poison record is refused before it is decoded.
        assertEquals(41, sum(flink, "flink_taskmanager_job_task_operator_eventsDecoded"), "40 events and the duplicate");
        assertEquals(1, sum(flink, "flink_taskmanager_job_task_operator_duplicatesDropped"));
        assertEquals(1, sum(flink, "flink_taskmanager_job_task_operator_eventsDeadLettered"));

        List<TextFormatSample> pending = flink.find("flink_taskmanager_job_task_operator_pendingRecords");
        assertTrue(!pending.isEmpty(), "the Kafka source reports its lag as pendingRecords");
        for (TextFormatSample lag : pending) {
            assertTrue(lag.value() >= 0 && lag.value() <= 42, "records not yet fetched, of the 42 sent: " + lag);
        }
        List<TextFormatSample> lagMax = flink.find("flink_taskmanager_job_task_operator_KafkaSourceReader_KafkaConsumer_records_lag_max");
        assertTrue(!lagMax.isEmpty() && lagMax.stream().allMatch(s -> s.value() >= 0 && s.value() <= 42),
                "the Kafka consumer's records-lag-max: " + lagMax);

        double completed = sum(flink, "flink_jobmanager_job_numberOfCompletedCheckpoints");
        assertTrue(completed >= 1, "completed checkpoints: " + completed);
        // A checkpoint triggered while the tasks still start is declined and counted as failed: not asserted as 0.
        assertTrue(!flink.find("flink_jobmanager_job_numberOfFailedCheckpoints").isEmpty(), "failed checkpoints are counted");
        assertEquals(40, flink.find("flink_taskmanager_job_task_operator_numRecordsIn",
                        Map.of("operator_name", "archive_to_master_data_set:_Writer")).stream()
                .mapToDouble(TextFormatSample::value).sum(), "events handed to the archive, as the dashboard reads them");
        double last = max(flink, "flink_taskmanager_job_task_operator_lastCompletedCheckpointTimestamp");
        double ageSeconds = (System.currentTimeMillis() - last) / 1000;
        assertTrue(ageSeconds >= 0 && ageSeconds < 30, "checkpoint age with a 10 s interval: " + ageSeconds + " s");
    }

    @Test
    void theDashboardReadsOnlyMetricsTheRunningComponentsExport() throws Exception {
        // Requests that make the API's labelled series appear: an answer, a client error, a search.
        get("/v1/users/13000/recommendations?k=5", 200);
        get("/v1/items/21000/similar?k=5", 200);
        get("/v1/users/13000/recommendations?k=nonsense", 400);
        Scrape api = Scrape.http(stack.session.baseUrl() + "/metrics");
        Scrape flink = pollFlink(s -> !s.find("flink_taskmanager_job_task_operator_lastCompletedCheckpointTimestamp").isEmpty()
                && !s.find("flink_taskmanager_job_task_operator_pendingRecords").isEmpty()
                && !s.find("flink_taskmanager_job_task_operator_KafkaSourceReader_KafkaConsumer_records_lag_max").isEmpty()
                && !s.find("flink_jobmanager_job_numberOfCompletedCheckpoints").isEmpty());
        Scrape retrain = Scrape.of(retrainMetrics.toString(), Files.readString(retrainMetrics));
        save("api.txt", api);
        save("retrain.txt", retrain);
        Set<String> exported = new TreeSet<>();
        for (Scrape scrape : List.of(api, flink, retrain)) {
            exported.addAll(scrape.names());
        }

        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertEquals(List.of(), GrafanaDashboardCheck.problems(dashboard, exported), "ops/grafana/tradewind.json");

        // The same dashboard with one misspelt metric (requests without the s) is rejected, naming panel and metric.
        ObjectNode broken = (ObjectNode) dashboard.deepCopy();
        JsonNode panel = StreamSupport.stream(broken.path("panels").spliterator(), false)
                .filter(p -> p.path("title").asText().equals("API 5xx rate per endpoint")).findFirst().orElseThrow();
        ObjectNode target = (ObjectNode) panel.path("targets").get(0);
        target.put("expr", target.path("expr").asText().replace("tradewind_http_requests_total", "tradewind_http_request_total"));
        assertEquals(List.of("panel 'API 5xx rate per endpoint' (id " + panel.path("id").asInt()
                        + "), target A: metric tradewind_http_request_total is exported by no component"),
                GrafanaDashboardCheck.problems(broken, exported));
    }

    private static void get(String path, int status) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.session.baseUrl() + path))
                .header("X-Api-Key", stack.shopKey).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), path + ": " + r.body());
    }

    private static Scrape pollFlink(Predicate<Scrape> until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Scrape last = null;
        while (System.nanoTime() < deadline) {
            last = Scrape.http(stack.speed.metricsUrl());
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        save("flink-timeout.txt", last);
        throw new AssertionError("the speed layer's metrics never showed the events; last scrape in " + SCRAPES);
    }

    static double sum(Scrape scrape, String name) {
        return scrape.find(name).stream().mapToDouble(TextFormatSample::value).sum();
    }

    static double max(Scrape scrape, String name) {
        return scrape.find(name).stream().mapToDouble(TextFormatSample::value).max().orElse(Double.NaN);
    }

    static void save(String file, Scrape scrape) throws java.io.IOException {
        Files.createDirectories(SCRAPES);
        StringBuilder text = new StringBuilder();
        scrape.samples().forEach(s -> text.append(s.name()).append(s.labels()).append(' ').append(s.value()).append('\n'));
        Files.writeString(SCRAPES.resolve(file), text);
    }

    private static Properties kafkaProperties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.endpoints.kafka());
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        return p;
    }

    private static void post(String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.session.baseUrl() + "/v1/events"))
                .header("X-Api-Key", stack.shopKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
    }
}
