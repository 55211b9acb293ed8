package io.tradewind.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.speed.trending.TrendingSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The job jar's command line: what {@code flink run … --kafka …} turns into. */
class SpeedLayerArgumentsTest {
    private static final List<String> REQUIRED = List.of("--kafka", "broker1:9092,broker2:9092",
            "--master-dataset", "hdfs://nn:8020/tradewind/events", "--views", "hdfs://nn:8020/tradewind/views",
            "--hbase-zookeeper", "zk1:2181");

    @Test
    void theRequiredOptionsAloneGiveTheDefaults() {
        SpeedLayerSettings s = parse(REQUIRED);
        SpeedLayerSettings defaults = SpeedLayerSettings.defaults("broker1:9092,broker2:9092",
                "hdfs://nn:8020/tradewind/events", "hdfs://nn:8020/tradewind/views");
        assertEquals("broker1:9092,broker2:9092", s.kafkaBootstrap());
        assertEquals("hdfs://nn:8020/tradewind/events", s.masterDatasetUri());
        assertEquals("hdfs://nn:8020/tradewind/views", s.viewsUri());
        assertEquals("events", s.eventsTopic());
        assertEquals("events-dead-letter", s.deadLetterTopic());
        assertEquals("tradewind-speed-layer", s.consumerGroup());
        assertEquals(HBaseStoreSettings.DEFAULT_NAMESPACE, s.hbaseNamespace());
        assertEquals(Map.of("hbase.zookeeper.quorum", "zk1", "hbase.zookeeper.property.clientPort", "2181"),
                s.hbaseSettings());
        assertEquals(Map.of(), s.kafkaProperties());
        assertEquals(Map.of(), s.hadoopSettings());
        assertEquals(defaults.checkpointInterval(), s.checkpointInterval());
        assertEquals(defaults.versionCheckInterval(), s.versionCheckInterval());
        assertEquals(defaults.parallelism(), s.parallelism());
        assertEquals(defaults.incremental(), s.incremental());
        assertEquals(defaults.listSize(), s.listSize());
        assertEquals(defaults.trending(), s.trending());
        assertTrue(!s.trending().publishes(), "trends are published only with --catalogue");
    }

    @Test
    void everyOptionReachesTheSettings() {
        List<String> args = new ArrayList<>(REQUIRED);
        args.addAll(List.of("--events-topic", "shop-events", "--dead-letter-topic", "shop-dead", "--group", "g7",
                "--kafka-property", "security.protocol=SASL_SSL",
                "--kafka-property", "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p=q\";",
                "--hadoop-conf", "dfs.replication=2",
                "--hbase-znode-parent", "/hbase-unsecure", "--hbase-conf", "hbase.client.retries.number=3",
                "--namespace", "shop", "--checkpoint-interval", "500ms", "--version-check-interval", "PT2M",
                "--parallelism", "4", "--catalogue", "http://es1:9200,http://es2:9200", "--catalogue-alias", "shop-catalogue",
                "--trending-window", "30m", "--trending-slide", "10m", "--trending-lateness", "5s"));
        SpeedLayerSettings s = parse(args);
        assertEquals("shop-events", s.eventsTopic());
        assertEquals("shop-dead", s.deadLetterTopic());
        assertEquals("g7", s.consumerGroup());
        assertEquals("SASL_SSL", s.kafkaProperties().get("security.protocol"));
        assertTrue(s.kafkaProperties().get("sasl.jaas.config").endsWith("password=\"p=q\";"),
                "only the first '=' splits: " + s.kafkaProperties());
        assertEquals("SASL_SSL", s.kafkaClientProperties().getProperty("security.protocol"));
        assertEquals("broker1:9092,broker2:9092", s.kafkaClientProperties().getProperty("bootstrap.servers"));
        assertEquals(Map.of("dfs.replication", "2"), s.hadoopSettings());
        assertEquals("2", s.hadoopConfiguration().get("dfs.replication"));
        assertEquals("/hbase-unsecure", s.hbaseSettings().get("zookeeper.znode.parent"));
        assertEquals("3", s.hbaseSettings().get("hbase.client.retries.number"));
        assertEquals("zk1", s.hbaseConfiguration().get("hbase.zookeeper.quorum"));
        assertEquals("shop", s.hbaseNamespace());
        assertEquals(Duration.ofMillis(500), s.checkpointInterval());
        assertEquals(Duration.ofMinutes(2), s.versionCheckInterval());
        assertEquals(4, s.parallelism());
        assertEquals(new TrendingSettings("http://es1:9200,http://es2:9200", "shop-catalogue", Duration.ofMinutes(30),
                Duration.ofMinutes(10), Duration.ofSeconds(5), TrendingSettings.defaults().idleness(),
                TrendingSettings.defaults().size()), s.trending());
    }

    @Test
    void aQuorumOfSeveralServersIsPassedAsItIs() {
        assertEquals(Map.of("hbase.zookeeper.quorum", "zk1:2181,zk2:2181,zk3:2181"),
                parse(zookeeper("zk1:2181,zk2:2181,zk3:2181")).hbaseSettings());
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        String message = wrong("--kafka", "k:9092", "--views", "v", "--hbase-zookeeper", "zk:2181");
        assertTrue(message.contains("Missing required option: '--master-dataset=URI'"), message);
    }

    @Test
    void badValuesAreRefusedWithTheReason() {
        assertTrue(wrong(with("--checkpoint-interval", "soon")).contains("'soon' is not a duration"), "duration");
        assertTrue(wrong(with("--checkpoint-interval", "0s")).contains("--checkpoint-interval must be positive"), "zero");
        assertTrue(wrong(with("--parallelism", "0")).contains("--parallelism must be at least 1"), "parallelism");
        assertTrue(wrong(with("--parallelism", "two")).contains("'two' is not an int"), "parallelism type");
        assertTrue(wrong(with("--kafka-property", "acks")).contains("KEY=VALUE"), "property without a value");
        assertTrue(wrong(with("--kafka-property", "bootstrap.servers=x:1")).contains("with --kafka"), "bootstrap");
        assertTrue(wrong(zookeeper("zk:port")).contains("'port' is not a port"), "port");
        assertTrue(wrong(with("--trending-window", "1h", "--trending-slide", "25m")).contains("must be a positive multiple"),
                "a slide that does not divide the window");
        assertTrue(wrong(with("--no-such-option")).contains("Unknown option: '--no-such-option'"), "unknown");
    }

    @Test
    void aWrongCommandLineFailsMainWithTheUsage() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThrows(CommandLine.ParameterException.class, () -> SpeedLayerJob.main(new String[] {"--kafka", "k:9092"}));
        } finally {
            System.setErr(err);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("error: Missing required options"), printed);
        assertTrue(printed.contains("Usage: SpeedLayerJob"), printed);
    }

    private static List<String> with(String... extra) {
        List<String> args = new ArrayList<>(REQUIRED);
        args.addAll(List.of(extra));
        return args;
    }

    /** The required options with another {@code --hbase-zookeeper}. */
    private static List<String> zookeeper(String quorum) {
        List<String> args = new ArrayList<>(REQUIRED);
        args.set(args.indexOf("--hbase-zookeeper") + 1, quorum);
        return args;
    }

    private static SpeedLayerSettings parse(List<String> args) {
        SpeedLayerArguments arguments = new SpeedLayerArguments();
        new CommandLine(arguments).parseArgs(args.toArray(String[]::new));
        return arguments.toSettings();
    }

    private static String wrong(String... args) {
        return wrong(List.of(args));
    }

    private static String wrong(List<String> args) {
        return assertThrows(CommandLine.ParameterException.class, () -> parse(args)).getMessage();
    }
}
