package io.tradewind.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.hbase.ListCodec;
import io.tradewind.contracts.hbase.RealtimeItem;
import io.tradewind.contracts.hbase.RowKeys;
import io.tradewind.contracts.hbase.ServingTables;
import io.tradewind.contracts.masterdata.DateRange;
import io.tradewind.contracts.masterdata.MasterDatasetReader;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventJson;
import io.tradewind.core.event.EventType;
import io.tradewind.infra.embedded.EmbeddedHBase;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.infra.embedded.EmbeddedKafka;
import io.tradewind.infra.embedded.StandaloneFlinkCluster;
import io.tradewind.speed.ingest.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The speed layer's job jar as production runs it: {@code flink run -d <job jar> --kafka … --master-dataset …} against
 * a separately started standalone Flink cluster (a JobManager and a TaskManager JVM with only Flink, Hadoop and the
 * job jar), on a real Kafka, HDFS and HBase. What a user then sees: the valid events in the master data set, the
 * refused ones in the dead-letter topic with their reasons, the users' real-time lists in HBase; then the job is
 * cancelled as {@code flink cancel} does.
 */
class SpeedLayerJobOnFlinkClusterIT {
    private static final String NAMESPACE = "clusterit";
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;
    static StandaloneFlinkCluster flink;
    static EmbeddedKafka kafka;
    static EmbeddedHdfs hdfs;
    static EmbeddedHBase hbase;
    static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of(System.getProperty("tradewind.job.jar"));
        assertTrue(Files.isRegularFile(jar), "the job jar is built in the package phase: " + jar);
        String flinkClasspath = Files.readString(Path.of(System.getProperty("tradewind.flink.classpath"))).strip();
        // The Flink JVMs start while Kafka, HDFS and HBase do. Under target/, so their logs outlive a failed run.
        Path flinkDir = Path.of("target", "flink-cluster-it").toAbsolutePath();
        org.apache.commons.io.FileUtils.deleteDirectory(flinkDir.toFile());
        flink = StandaloneFlinkCluster.start(Files.createDirectories(flinkDir), flinkClasspath,
                Map.of("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "20"));
        kafka = EmbeddedKafka.start(tmp.resolve("kafka").toFile());
        hdfs = EmbeddedHdfs.start(tmp.resolve("hdfs").toFile(), true);
        hbase = EmbeddedHBase.start(tmp.resolve("hbase").toFile());
        connection = ConnectionFactory.createConnection(hbase.configuration());
        flink.awaitReady(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {flink, connection, hbase, hdfs, kafka}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void flinkRunOfTheJobJarArchivesDeadLettersAndUpdatesTheRealtimeViews() throws Exception {
        String views = hdfs.uri() + "/tradewind/views";
        String events = hdfs.uri() + "/tradewind/events";
        kafka.createTopic("events", 2);
        kafka.createTopic("events-dead-letter", 1);
        ActiveBatchVersion.publish(views, hdfs.configuration(), connection, NAMESPACE, "v1");
        List<BehaviourEvent> valid = List.of(
                event("it-1", "u1", "A", EventType.VIEW, "2011-12-08T10:00:00Z"),
                event("it-2", "u1", "B", EventType.BUY, "2011-12-09T09:00:00Z"),
                event("it-3", "u2", "A", EventType.CART, "2011-12-09T11:00:00Z"));
        List<byte[]> refused = List.of("{not json".getBytes(StandardCharsets.UTF_8),
                "{\"eventId\":\"x2\",\"userId\":\"u9\",\"itemId\":\"A\",\"type\":\"teleport\",\"timestamp\":1323424800000}"
                        .getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (BehaviourEvent e : valid) {
                producer.send(new ProducerRecord<>("events", bytes(e.userId()), EventJson.toWire(e))).get(10, TimeUnit.SECONDS);
            }
            for (byte[] r : refused) {
                producer.send(new ProducerRecord<>("events", bytes("u9"), r)).get(10, TimeUnit.SECONDS);
            }
        }

        StandaloneFlinkCluster.RunOutcome run = flink.flinkRun("-d", "-c", SpeedLayerJob.class.getName(),
                System.getProperty("tradewind.job.jar"),
                "--kafka", kafka.bootstrapServers(), "--kafka-property", "client.dns.lookup=use_all_dns_ips",
                "--master-dataset", events, "--views", views,
                "--hbase-zookeeper", hbase.zookeeperQuorum(), "--namespace", NAMESPACE,
                "--checkpoint-interval", "1s", "--parallelism", "2");
        assertEquals(0, run.exitCode(), run.output());
        Matcher submitted = Pattern.compile("Job has been submitted with JobID (\\p{XDigit}{32})").matcher(run.output());
        assertTrue(submitted.find(), "submitted to the cluster: " + run.output());
        String jobId = submitted.group(1);

        // Archive: the valid events, each in the partition of its own date, one checkpoint after they were read.
        MasterDatasetReader reader = MasterDatasetReader.at(events, hdfs.configuration());
        List<String> archived = await("the valid events archived", jobId, () -> archivedIds(reader), ids -> ids.size() >= valid.size());
        assertEquals(List.of("it-1", "it-2", "it-3"), archived.stream().sorted().toList());
        assertEquals(List.of(LocalDate.parse("2011-12-08"), LocalDate.parse("2011-12-09")), reader.partitions());

        // Dead letters: each refused record once, with its reason and payload.
        List<DeadLetter> dead = readCommitted("events-dead-letter", refused.size());
        assertEquals(refused.size(), dead.size(), dead.toString());
        assertTrue(dead.stream().anyMatch(d -> d.payload().equals("{not json") && d.reason().startsWith("payload: not JSON")),
                dead.toString());
        assertTrue(dead.stream().anyMatch(d -> d.reason().startsWith("type: must be one of")), dead.toString());

        // Real-time views: what the API merges into u1's and u2's recommendations.
        List<RealtimeItem> u1 = await("u1's real-time list", jobId, () -> realtimeList("u1"),
                list -> list.stream().anyMatch(i -> i.item().equals("N-B")));
        assertEquals("neighbour-of:B", u1.stream().filter(i -> i.item().equals("N-B")).findFirst().orElseThrow().reason());
        assertEquals(Instant.parse("2011-12-09T09:00:00Z").toEpochMilli(), Bytes.toLong(userRow("u1").getValue(
                ServingTables.REALTIME, ServingTables.bytes(ServingTables.REALTIME_BOUGHT_PREFIX + "B"))), "u1 bought B");
        List<RealtimeItem> u2 = await("u2's real-time list", jobId, () -> realtimeList("u2"),
                list -> list.stream().anyMatch(i -> i.item().equals("N-A")));
        assertEquals("neighbour-of:A", u2.stream().filter(i -> i.item().equals("N-A")).findFirst().orElseThrow().reason());
        assertTrue(userRow("u9").isEmpty(), "refused records change no state");

        assertEquals("RUNNING", flink.jobState(jobId), "a streaming job runs until cancelled");
        flink.cancel(jobId, Duration.ofSeconds(30));
        assertEquals("CANCELED", flink.jobState(jobId));
    }

    @Test
    void aWrongCommandLineFailsTheSubmissionWithTheReasonAndTheUsage() throws Exception {
        // No -c: the jar's manifest names SpeedLayerJob.
        StandaloneFlinkCluster.RunOutcome run = flink.flinkRun(System.getProperty("tradewind.job.jar"),
                "--kafka", kafka.bootstrapServers(), "--master-dataset", hdfs.uri() + "/elsewhere",
                "--hbase-zookeeper", hbase.zookeeperQuorum());
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("storage.views is not set: the speed layer needs it"), run.output());
        assertTrue(run.output().contains("Usage: SpeedLayerJob"), run.output());
    }

    /** Polls {@code probe} until {@code done}; a job that stopped running fails at once, with its state. */
    private static <T> T await(String what, String jobId, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        T value = probe.call();
        while (!done.test(value) && System.nanoTime() < deadline) {
            String state = flink.jobState(jobId);
            assertTrue(state.equals("RUNNING") || state.equals("CREATED") || state.equals("INITIALIZING"),
                    "job " + jobId + " is " + state + " while waiting for " + what + "; logs in target/flink-cluster-it");
            Thread.sleep(250);
            value = probe.call();
        }
        assertTrue(done.test(value), what + " within " + WITHIN + ": " + value + "; cluster logs in target/flink-cluster-it");
        return value;
    }

    private static List<String> archivedIds(MasterDatasetReader reader) throws Exception {
        try (var stream = reader.events(DateRange.all())) {
            return stream.map(BehaviourEvent::eventId).toList();
        }
    }

    private static List<RealtimeItem> realtimeList(String user) throws Exception {
        byte[] cell = userRow(user).getValue(ServingTables.REALTIME, ServingTables.REALTIME_ITEMS);
        return cell == null ? List.of() : ListCodec.decodeRealtime(cell);
    }

    private static Result userRow(String user) throws Exception {
        try (Table users = connection.getTable(new ServingTables(NAMESPACE).users)) {
            return users.get(new Get(RowKeys.salted(user)).addFamily(ServingTables.REALTIME));
        }
    }

    private static List<DeadLetter> readCommitted(String topic, int expected) {
        return DeadLetterTopic.readCommitted(kafka.bootstrapServers(), topic, expected, WITHIN);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static BehaviourEvent event(String id, String user, String item, EventType type, String time) {
        return new BehaviourEvent(id, user, item, type, Instant.parse(time).toEpochMilli(), 1,
                type == EventType.BUY ? 2.5 : null, type == EventType.BUY ? "GBP" : null, "France", null, null,
                "ITEM " + item, "test");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
