package io.tradewind.speed.trending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.contracts.catalogue.CatalogueFields;
import io.tradewind.contracts.masterdata.DateRange;
import io.tradewind.contracts.masterdata.MasterDatasetReader;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventJson;
import io.tradewind.core.event.EventType;
import io.tradewind.infra.embedded.EmbeddedElasticsearch;
import io.tradewind.infra.embedded.EmbeddedHBase;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.infra.embedded.EmbeddedKafka;
import io.tradewind.speed.SpeedLayerJob;
import io.tradewind.speed.SpeedLayerPipeline;
import io.tradewind.speed.SpeedLayerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trending per country on real Kafka, Flink, HDFS, HBase and Elasticsearch: the catalogue documents a shopper's
 * search reads get {@code trending_in_country} from the job's event-time windows, items leave the board when the
 * window moves on, and an event later than the allowed lateness is counted and left out of the windows but still
 * archived; while Elasticsearch is down the job waits, and the board lands when it is back.
 */
class CountryTrendingJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    @TempDir
    static java.io.File esDir; // its own: Elasticsearch runs as another user and must reach the folder

    static EmbeddedKafka kafka;
    static EmbeddedHdfs hdfs;
    static EmbeddedHBase hbase;
    static EmbeddedElasticsearch elasticsearch;
    static RestClient es;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka").toFile());
        hdfs = EmbeddedHdfs.start(dir.resolve("hdfs").toFile(), true);
        hbase = EmbeddedHBase.start(dir.resolve("hbase").toFile());
        elasticsearch = EmbeddedElasticsearch.start(esDir);
        es = RestClient.builder(elasticsearch.httpHost()).build();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {es, elasticsearch, hbase, hdfs, kafka}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void trendingItemsPerCountryReachTheCatalogueAndMoveOnWithEventTime() throws Exception {
        // A catalogue published before trending existed: a strict mapping without the trending fields, behind the
        // alias, refreshed every second. The job adds the fields.
        send("PUT", "/cat-v1", "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"id\":{\"type\":\"keyword\"},"
                + "\"title\":{\"type\":\"text\"}}}}");
        send("PUT", "/cat-v1/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}");
        send("POST", "/_aliases", "{\"actions\":[{\"add\":{\"index\":\"cat-v1\",\"alias\":\"cat\"}}]}");
        for (String item : List.of("A", "B", "C", "N")) {
            send("PUT", "/cat/_doc/" + item + "?refresh=true", "{\"id\":\"" + item + "\",\"title\":\"ITEM " + item + "\"}");
        }
        kafka.createTopic("tr", 1);
        kafka.createTopic("tr-dead", 1);
        String events = hdfs.uri() + "/tr/events";
        SpeedLayerSettings settings = SpeedLayerSettings.defaults(kafka.bootstrapServers(), events, hdfs.uri() + "/tr/views")
                .withTopics("tr", "tr-dead", "tr-group")
                .withHbase(SpeedLayerSettings.entries(hbase.configuration()), "trending")
                .withCheckpointInterval(Duration.ofMillis(500))
                .withParallelism(1)
                .withTrending(new TrendingSettings(elasticsearch.uri(), null, "cat", Duration.ofHours(1),
                        Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofSeconds(5), 2));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                Configuration.fromMap(Map.of("restart-strategy.type", "none")));
        SpeedLayerJob job = new SpeedLayerJob(settings);
        SpeedLayerPipeline.Streams streams = job.build(env,
                job.source(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST), null));
        CloseableIterator<BehaviourEvent> tooLate = streams.tooLateForTrending().collectAsync();
        JobClient running = env.executeAsync("trending test");
        try {
            // 10:00-10:10 in Great Britain: A wanted 5+1, Z (not in the catalogue) 5, B 3; France: C 5, B 2.
            produce(List.of(
                    event("g1", "u1", "A", EventType.BUY, "10:00", "GB"),
                    event("g2", "u2", "A", EventType.VIEW, "10:01", "GB"),
                    event("g3", "u3", "Z", EventType.BUY, "10:02", "GB"),
                    event("g4", "u3", "B", EventType.CART, "10:03", "GB"),
                    event("f1", "u4", "C", EventType.BUY, "10:04", "FR"),
                    event("f2", "u5", "B", EventType.FAV, "10:05", "FR"),
                    event("f3", "u5", "B", EventType.SEARCH, "10:10", "FR")));
            awaitArchived(events, 7, running);
            Thread.sleep(1_000); // event time has reached 10:09 (periodic watermarks)
            // Two hours old: its windows ended long ago. Then 11:05 moves event time past 11:00.
            produce(List.of(event("late", "u6", "C", EventType.BUY, "08:00", "GB"),
                    event("n1", "u7", "N", EventType.VIEW, "11:05", "GB")));

            long window = Instant.parse("2011-12-09T11:00:00Z").toEpochMilli();
            // Two per country: in GB A (6) and Z (5) beat B (3); in France C (5) and B (2).
            assertEquals(List.of("GB"), awaitTrending("A", d -> d.path(CatalogueFields.TRENDING_AT).asLong() == window, running));
            assertEquals(List.of("FR"), trending(doc("B")));
            assertEquals(List.of("FR"), trending(doc("C")), "the late GB buy of C counts in no window");
            assertTrue(doc("N").path(CatalogueFields.TRENDING_IN_COUNTRY).isMissingNode(), "11:05 is in no closed window");

            assertEquals("late", tooLate.next().eventId(), "the late event is counted");
            assertTrue(archivedIds(events).contains("late"), "and still archived");

            // 11:20 closes the window ending 11:15, which holds only N's view: the board moves on.
            produce(List.of(event("f4", "u8", "C", EventType.VIEW, "11:20", "FR")));
            long next = Instant.parse("2011-12-09T11:15:00Z").toEpochMilli();
            assertEquals(List.of("GB"), awaitTrending("N", d -> d.path(CatalogueFields.TRENDING_AT).asLong() == next, running));
            assertEquals(List.of(), trending(doc("A")), "A left the board");
            assertEquals(List.of(), trending(doc("C")), "C left the board");

            // Elasticsearch down while a window closes: the sink retries, the job waits instead of failing, and the
            // board lands once the server is back. 11:35 closes the window ending 11:30 (C viewed in France at 11:20).
            elasticsearch.stop();
            try {
                produce(List.of(event("f5", "u9", "B", EventType.VIEW, "11:35", "FR")));
                Thread.sleep(3_000);
                failIfEnded(running);
            } finally {
                elasticsearch.restart();
            }
            long afterOutage = Instant.parse("2011-12-09T11:30:00Z").toEpochMilli();
            assertEquals(List.of("FR"), awaitTrending("C",
                    d -> d.path(CatalogueFields.TRENDING_AT).asLong() == afterOutage, running), "C is back on the board");
        } finally {
            tooLate.close();
            try {
                running.cancel().get(30, TimeUnit.SECONDS);
            } catch (Exception alreadyEnded) {
                // the job failed and took its mini cluster down: that failure is what the test reports
            }
        }
    }

    private static List<String> awaitTrending(String item, Predicate<JsonNode> ready, JobClient job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode doc = doc(item);
        while (!ready.test(doc)) {
            failIfEnded(job);
            if (System.nanoTime() > deadline) {
                throw new AssertionError("catalogue document " + item + " not updated within 60 s: " + doc);
            }
            Thread.sleep(200);
            doc = doc(item);
        }
        return trending(doc);
    }

    private static List<String> trending(JsonNode doc) {
        List<String> countries = new ArrayList<>();
        doc.path(CatalogueFields.TRENDING_IN_COUNTRY).forEach(c -> countries.add(c.asText()));
        return countries;
    }

    /** The document's source, read in real time (no refresh needed). */
    private static JsonNode doc(String item) throws Exception {
        return JSON.readTree(send("GET", "/cat/_doc/" + item, null)).path("_source");
    }

    private static String send(String method, String path, String body) throws Exception {
        Request request = new Request(method, path);
        if (body != null) {
            request.setEntity(new NStringEntity(body, ContentType.APPLICATION_JSON));
        }
        return EntityUtils.toString(es.performRequest(request).getEntity(), StandardCharsets.UTF_8);
    }

    private static BehaviourEvent event(String id, String user, String item, EventType type, String time, String country) {
        String query = type == EventType.SEARCH ? "ITEM" : null; // a search needs what was searched for
        return new BehaviourEvent(id, user, item, type, Instant.parse("2011-12-09T" + time + ":00Z").toEpochMilli(), 1,
                null, null, country, null, query, "ITEM " + item, "test");
    }

    private static void produce(List<BehaviourEvent> events) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            List<Future<?>> acks = new ArrayList<>();
            for (BehaviourEvent e : events) {
                acks.add(producer.send(new ProducerRecord<>("tr", e.userId().getBytes(StandardCharsets.UTF_8),
                        EventJson.toWire(e))));
            }
            for (Future<?> ack : acks) {
                ack.get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void awaitArchived(String events, int atLeast, JobClient job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (archivedIds(events).size() < atLeast) {
            failIfEnded(job);
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + atLeast + " events archived within 60 s; job "
                        + job.getJobStatus().get() + ": " + archivedIds(events));
            }
            Thread.sleep(200);
        }
    }

    /** A streaming job only ends by failing: surface its failure instead of waiting out a deadline. */
    private static void failIfEnded(JobClient job) throws Exception {
        if (job.getJobStatus().get().isGloballyTerminalState()) {
            job.getJobExecutionResult().get();
            throw new AssertionError("the job ended: " + job.getJobStatus().get());
        }
    }

    private static List<String> archivedIds(String events) throws Exception {
        try (var stream = MasterDatasetReader.at(events, new org.apache.hadoop.conf.Configuration()).events(DateRange.all())) {
            return stream.map(BehaviourEvent::eventId).toList();
        }
    }
}
