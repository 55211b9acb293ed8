package io.tradewind.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.catalogue.ElasticsearchCredentials;
import io.tradewind.contracts.config.ConfigKey;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.speed.trending.TrendingSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The job jar's command line: what {@code flink run … --kafka …} or {@code … --config FILE} turns into. The
 * environment is given to each parse, so the machine's own variables play no part.
 */
class SpeedLayerArgumentsTest {
    private static final List<String> REQUIRED = List.of("--kafka", "broker1:9092,broker2:9092",
            "--master-dataset", "hdfs://nn:8020/tradewind/events", "--views", "hdfs://nn:8020/tradewind/views",
            "--hbase-zookeeper", "zk1:2181");

    /** The endpoints of {@link #REQUIRED}, as a configuration file writes them. */
    private static final List<String> REQUIRED_KEYS = List.of("kafka.bootstrap-servers=broker1:9092,broker2:9092",
            "storage.master-dataset=hdfs://nn:8020/tradewind/events", "storage.views=hdfs://nn:8020/tradewind/views",
            "hbase.zookeeper-quorum=zk1:2181");

    @TempDir
    Path dir;

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
        assertEquals(Map.of("hbase.zookeeper.quorum", "zk1", "hbase.zookeeper.property.clientPort", "2181",
                "zookeeper.znode.parent", "/hbase"), s.hbaseSettings());
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
        assertEquals(new TrendingSettings("http://es1:9200,http://es2:9200", null, "shop-catalogue", Duration.ofMinutes(30),
                Duration.ofMinutes(10), Duration.ofSeconds(5), TrendingSettings.defaults().idleness(),
                TrendingSettings.defaults().size()), s.trending());
    }

    @Test
    void aQuorumOfSeveralServersIsPassedAsItIs() {
        assertEquals(Map.of("hbase.zookeeper.quorum", "zk1:2181,zk2:2181,zk3:2181", "zookeeper.znode.parent", "/hbase"),
                parse(replacing("--hbase-zookeeper", "zk1:2181,zk2:2181,zk3:2181")).hbaseSettings());
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        String message = wrong("--kafka", "k:9092", "--views", "hdfs://nn/v", "--hbase-zookeeper", "zk:2181");
        assertContains(message, "storage.master-dataset is not set: the speed layer needs it",
                "TRADEWIND_STORAGE_MASTER_DATASET", "or pass --master-dataset");
        assertFalse(message.contains("storage.views"), message);
    }

    @Test
    void badValuesAreRefusedWithTheReason() {
        assertContains(wrong(with("--checkpoint-interval", "soon")),
                "speed.checkpoint-interval (--checkpoint-interval) 'soon' is not a duration");
        assertContains(wrong(with("--checkpoint-interval", "0s")),
                "speed.checkpoint-interval (--checkpoint-interval) must be more than zero");
        assertContains(wrong(with("--parallelism", "0")), "speed.parallelism (--parallelism) must be at least 1");
        assertContains(wrong(with("--parallelism", "two")), "speed.parallelism (--parallelism) takes a whole number, got 'two'");
        assertContains(wrong(with("--kafka-property", "acks")), "KEY=VALUE");
        assertContains(wrong(with("--kafka-property", "bootstrap.servers=x:1")), "with --kafka");
        assertContains(wrong(replacing("--hbase-zookeeper", "zk:port")), "hbase.zookeeper-quorum (--hbase-zookeeper) takes HOST:PORT");
        assertContains(wrong(replacing("--views", "/tradewind/views")), "storage.views (--views) needs a scheme");
        assertContains(wrong(with("--trending-window", "1h", "--trending-slide", "25m")), "must be a positive multiple",
                "speed.trending-window from --trending-window, speed.trending-slide from --trending-slide");
        assertContains(wrong(with("--no-such-option")), "Unknown option: '--no-such-option'");
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
        assertTrue(printed.startsWith("error: storage.master-dataset is not set"), printed);
        assertContains(printed, "storage.views is not set", "hbase.zookeeper-quorum is not set", "Usage: SpeedLayerJob");
    }

    @Test
    void aConfigurationFileAloneGivesEverySetting() throws IOException {
        Path file = file("kafka.bootstrap-servers=b-1.msk:9098,b-2.msk:9098",
                "kafka.events-topic=shop-events", "kafka.dead-letter-topic=shop-dead", "kafka.consumer-group=g7",
                "kafka.conf.security.protocol=SASL_SSL", "kafka.conf.sasl.mechanism=AWS_MSK_IAM",
                "hbase.zookeeper-quorum=emr:2181", "hbase.znode-parent=/hbase-unsecure", "hbase.namespace=shop",
                "hbase.conf.hbase.client.retries.number=3",
                "hadoop.conf.fs.defaultFS=hdfs://emr:8020",
                "storage.master-dataset=hdfs://emr:8020/tradewind/events", "storage.views=s3a://bucket/tradewind/views",
                "elasticsearch.url=https://es.internal:9243", "elasticsearch.catalogue-alias=shop-catalogue",
                "api.port=9090", "retrain.lock-timeout=2h",
                "speed.parallelism=4", "speed.checkpoint-interval=5s", "speed.version-check-interval=1m",
                "speed.trending-window=2h", "speed.trending-slide=30m", "speed.trending-lateness=10s");
        SpeedLayerSettings s = parse(List.of("--config", file.toString()));
        assertEquals("b-1.msk:9098,b-2.msk:9098", s.kafkaBootstrap());
        assertEquals("shop-events", s.eventsTopic());
        assertEquals("shop-dead", s.deadLetterTopic());
        assertEquals("g7", s.consumerGroup());
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "AWS_MSK_IAM"), s.kafkaProperties());
        assertEquals(Map.of("hbase.zookeeper.quorum", "emr", "hbase.zookeeper.property.clientPort", "2181",
                "zookeeper.znode.parent", "/hbase-unsecure", "hbase.client.retries.number", "3"), s.hbaseSettings());
        assertEquals("shop", s.hbaseNamespace());
        assertEquals(Map.of("fs.defaultFS", "hdfs://emr:8020"), s.hadoopSettings());
        assertEquals("hdfs://emr:8020/tradewind/events", s.masterDatasetUri());
        assertEquals("s3a://bucket/tradewind/views", s.viewsUri());
        assertEquals(4, s.parallelism());
        assertEquals(Duration.ofSeconds(5), s.checkpointInterval());
        assertEquals(Duration.ofMinutes(1), s.versionCheckInterval());
        assertEquals(new TrendingSettings("https://es.internal:9243", null, "shop-catalogue", Duration.ofHours(2),
                Duration.ofMinutes(30), Duration.ofSeconds(10), TrendingSettings.defaults().idleness(),
                TrendingSettings.defaults().size()), s.trending());
    }

    @Test
    void anOptionOverridesTheFile() throws IOException {
        Path file = file(REQUIRED_KEYS, "kafka.events-topic=file-events", "speed.parallelism=3",
                "kafka.conf.security.protocol=SASL_SSL", "kafka.conf.sasl.mechanism=PLAIN");
        SpeedLayerArguments arguments = arguments(Map.of(), "--config", file.toString(), "--kafka", "cli:9092",
                "--parallelism", "6", "--kafka-property", "security.protocol=SSL");
        SpeedLayerSettings s = arguments.toSettings();
        assertEquals("cli:9092", s.kafkaBootstrap());
        assertEquals(6, s.parallelism());
        assertEquals("file-events", s.eventsTopic(), "what no option sets stays the file's");
        assertEquals(Map.of("security.protocol", "SSL", "sasl.mechanism", "PLAIN"), s.kafkaProperties(),
                "a --kafka-property replaces that one setting and keeps the file's others");
        assertEquals("--kafka", arguments.configuration().origin(PlatformKeys.KAFKA_BOOTSTRAP_SERVERS));
        assertEquals(file.toString(), arguments.configuration().origin(PlatformKeys.KAFKA_EVENTS_TOPIC));
    }

    @Test
    void anEnvironmentVariableOverridesTheFileAndAnOptionOverridesTheVariable() throws IOException {
        Path file = file(REQUIRED_KEYS, "speed.parallelism=3", "kafka.consumer-group=file-group");
        Map<String, String> env = Map.of("TRADEWIND_SPEED_PARALLELISM", "5", "TRADEWIND_KAFKA_CONSUMER_GROUP", "env-group");
        List<String> config = List.of("--config", file.toString());

        SpeedLayerSettings fromEnv = parse(config, env);
        assertEquals(5, fromEnv.parallelism());
        assertEquals("env-group", fromEnv.consumerGroup());

        List<String> args = new ArrayList<>(config);
        args.addAll(List.of("--parallelism", "7"));
        SpeedLayerSettings fromOption = parse(args, env);
        assertEquals(7, fromOption.parallelism());
        assertEquals("env-group", fromOption.consumerGroup());

        assertEquals(9, parse(with("--parallelism", "9"), Map.of("TRADEWIND_SPEED_PARALLELISM", "5")).parallelism(),
                "without a file too");
        assertEquals(5, parse(REQUIRED, Map.of("TRADEWIND_SPEED_PARALLELISM", "5")).parallelism());
    }

    @Test
    void theTrendingWritesAuthenticateAsTheUserTheEnvironmentNames() {
        SpeedLayerSettings settings = parse(with("--catalogue", "https://es.internal:9243"), Map.of(
                "TRADEWIND_ELASTICSEARCH_USERNAME", "speed", "TRADEWIND_ELASTICSEARCH_PASSWORD", "from-secrets-manager"));
        assertEquals(new ElasticsearchCredentials("speed", "from-secrets-manager"),
                settings.trending().catalogueCredentials());
        assertEquals(null, parse(with("--catalogue", "https://es.internal:9243")).trending().catalogueCredentials());
        assertContains(wrong(with("--catalogue", "https://es.internal:9243"),
                Map.of("TRADEWIND_ELASTICSEARCH_USERNAME", "speed")),
                "elasticsearch.password is not set but elasticsearch.username is");
    }

    @Test
    void aRequiredKeyNobodySetIsNamedWithTheWaysToSetIt() throws IOException {
        Path file = file("kafka.bootstrap-servers=k:9092", "storage.master-dataset=hdfs://nn/e", "hbase.zookeeper-quorum=zk:2181");
        String message = wrong(List.of("--config", file.toString()));
        assertContains(message, "storage.views is not set: the speed layer needs it "
                + "(set it in the configuration file or as TRADEWIND_STORAGE_VIEWS), or pass --views",
                "configuration file " + file + ", named by --config");

        String noFile = wrong(List.of("--master-dataset", "hdfs://nn/e"));
        assertContains(noFile, "kafka.bootstrap-servers is not set: the speed layer needs it", "or pass --kafka",
                "storage.views is not set", "hbase.zookeeper-quorum is not set",
                "no configuration file was read: name one with --config FILE or $TRADEWIND_CONFIG");
        assertFalse(noFile.contains("storage.master-dataset is not set"), noFile);
    }

    @Test
    void anUnknownKeyInTheFileIsAnErrorNamingTheFile() throws IOException {
        Path file = file(REQUIRED_KEYS, "hbase.zookeper-quorum=zk2:2181");
        assertContains(wrong(List.of("--config", file.toString())),
                "unknown configuration key 'hbase.zookeper-quorum' in " + file, "did you mean 'hbase.zookeeper-quorum'?");
    }

    @Test
    void aBadValueInTheFileOrTheEnvironmentNamesTheKeyAndWhereItCameFrom() throws IOException {
        Path file = file(REQUIRED_KEYS, "speed.checkpoint-interval=often");
        assertContains(wrong(List.of("--config", file.toString())),
                "speed.checkpoint-interval (" + file + ") 'often' is not a duration");
        assertContains(wrong(REQUIRED, Map.of("TRADEWIND_SPEED_PARALLELISM", "0")),
                "speed.parallelism (environment variable TRADEWIND_SPEED_PARALLELISM) must be at least 1");
        assertContains(wrong(REQUIRED, Map.of("TRADEWIND_KAFKA_BOOTSTRAP", "k:9092")),
                "unknown configuration variable TRADEWIND_KAFKA_BOOTSTRAP");
        assertContains(wrong(List.of("--config", file(REQUIRED_KEYS, "kafka.conf.bootstrap.servers=x:1").toString())),
                "set the brokers with kafka.bootstrap-servers, not kafka.conf.bootstrap.servers");
        Path slide = file(REQUIRED_KEYS, "speed.trending-slide=25m");
        assertContains(wrong(List.of("--config", slide.toString())),
                "must be a positive multiple", "speed.trending-window from default, speed.trending-slide from " + slide);
    }

    @Test
    void theFileTradewindConfigNamesIsRead() throws IOException {
        Path named = file(REQUIRED_KEYS, "kafka.events-topic=named-events");
        Map<String, String> env = Map.of("TRADEWIND_CONFIG", named.toString());
        assertEquals("named-events", parse(List.of(), env).eventsTopic());

        Path explicit = Files.write(dir.resolve("explicit.properties"),
                String.join("\n", withLines(REQUIRED_KEYS, "kafka.events-topic=explicit-events")).getBytes(StandardCharsets.UTF_8));
        assertEquals("explicit-events", parse(List.of("--config", explicit.toString()), env).eventsTopic(),
                "--config wins over TRADEWIND_CONFIG");
    }

    @Test
    void aMissingFileIsNamedWithWhatNamedIt() {
        Path missing = dir.resolve("nowhere.properties");
        assertContains(wrong(List.of("--config", missing.toString())),
                "configuration file not found: " + missing + " (named by --config)");
        assertContains(wrong(List.of(), Map.of("TRADEWIND_CONFIG", missing.toString())),
                "configuration file not found: " + missing + " (named by TRADEWIND_CONFIG)");
    }

    @Test
    void everyOptionButConfigAndHelpSetsAKeyAndItsHelpSaysWhichWithTheKeysDefault() {
        CommandLine cli = new SpeedLayerArguments(Map.of()).commandLine();
        Set<String> options = cli.getCommandSpec().options().stream().map(OptionSpec::longestName)
                .collect(Collectors.toSet());
        Set<String> keyed = new HashSet<>(options);
        keyed.removeAll(Set.of("--config", "--help"));
        assertEquals(keyed, SpeedLayerArguments.KEYS.keySet());

        String help = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertContains(help, "--config=FILE", "$TRADEWIND_CONFIG", "docs/configuration.md");
        String flat = help.replaceAll("\\s+", " ");
        for (var e : SpeedLayerArguments.KEYS.entrySet()) {
            ConfigKey key = e.getValue();
            String note = key.isPrefix() ? "Overrides " + key.name() + "KEY."
                    : key.defaultValue() != null ? "Overrides " + key.name() + " (default " + key.defaultValue() + ")."
                    : "Overrides " + key.name() + (key == PlatformKeys.ELASTICSEARCH_URL ? "." : " (required).");
            String description = String.join(" ", cli.getCommandSpec().findOption(e.getKey()).description());
            assertTrue(description.endsWith(note), e.getKey() + ": " + description);
            assertContains(flat, note);
        }
    }

    private Path file(String... lines) throws IOException {
        return file(List.of(), lines);
    }

    private Path file(List<String> first, String... more) throws IOException {
        return Files.write(Files.createTempFile(dir, "tradewind", ".properties"),
                String.join("\n", withLines(first, more)).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> withLines(List<String> first, String... more) {
        List<String> lines = new ArrayList<>(first);
        lines.addAll(List.of(more));
        return lines;
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected '" + part + "' in: " + text);
        }
    }

    private static List<String> with(String... extra) {
        return withLines(REQUIRED, extra);
    }

    /** The required options with another value for one of them. */
    private static List<String> replacing(String option, String value) {
        List<String> args = new ArrayList<>(REQUIRED);
        args.set(args.indexOf(option) + 1, value);
        return args;
    }

    private static SpeedLayerArguments arguments(Map<String, String> env, String... args) {
        SpeedLayerArguments arguments = new SpeedLayerArguments(env);
        arguments.commandLine().parseArgs(args);
        return arguments;
    }

    private static SpeedLayerSettings parse(List<String> args) {
        return parse(args, Map.of());
    }

    private static SpeedLayerSettings parse(List<String> args, Map<String, String> env) {
        return arguments(env, args.toArray(String[]::new)).toSettings();
    }

    private static String wrong(String... args) {
        return wrong(List.of(args));
    }

    private static String wrong(List<String> args) {
        return wrong(args, Map.of());
    }

    private static String wrong(List<String> args, Map<String, String> env) {
        return assertThrows(CommandLine.ParameterException.class, () -> parse(args, env)).getMessage();
    }
}
