package io.tradewind.speed;

import static io.tradewind.contracts.config.PlatformKeys.ELASTICSEARCH_CATALOGUE_ALIAS;
import static io.tradewind.contracts.config.PlatformKeys.ELASTICSEARCH_URL;
import static io.tradewind.contracts.config.PlatformKeys.HADOOP_CONF;
import static io.tradewind.contracts.config.PlatformKeys.HBASE_CONF;
import static io.tradewind.contracts.config.PlatformKeys.HBASE_NAMESPACE;
import static io.tradewind.contracts.config.PlatformKeys.HBASE_ZNODE_PARENT;
import static io.tradewind.contracts.config.PlatformKeys.HBASE_ZOOKEEPER_QUORUM;
import static io.tradewind.contracts.config.PlatformKeys.KAFKA_BOOTSTRAP_SERVERS;
import static io.tradewind.contracts.config.PlatformKeys.KAFKA_CONF;
import static io.tradewind.contracts.config.PlatformKeys.KAFKA_CONSUMER_GROUP;
import static io.tradewind.contracts.config.PlatformKeys.KAFKA_DEAD_LETTER_TOPIC;
import static io.tradewind.contracts.config.PlatformKeys.KAFKA_EVENTS_TOPIC;
import static io.tradewind.contracts.config.PlatformKeys.SPEED_CHECKPOINT_INTERVAL;
import static io.tradewind.contracts.config.PlatformKeys.SPEED_PARALLELISM;
import static io.tradewind.contracts.config.PlatformKeys.SPEED_TRENDING_LATENESS;
import static io.tradewind.contracts.config.PlatformKeys.SPEED_TRENDING_SLIDE;
import static io.tradewind.contracts.config.PlatformKeys.SPEED_TRENDING_WINDOW;
import static io.tradewind.contracts.config.PlatformKeys.SPEED_VERSION_CHECK_INTERVAL;
import static io.tradewind.contracts.config.PlatformKeys.STORAGE_MASTER_DATASET;
import static io.tradewind.contracts.config.PlatformKeys.STORAGE_VIEWS;
import static java.util.Map.entry;

import io.tradewind.contracts.catalogue.ElasticsearchCredentials;
import io.tradewind.contracts.config.ConfigException;
import io.tradewind.contracts.config.ConfigKey;
import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.hbase.HBaseClientSettings;
import io.tradewind.speed.trending.TrendingSettings;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The speed layer's command line, as {@code flink run … tradewind-speed-layer-…-job.jar} passes it to
 * {@link SpeedLayerJob#main}, turned into one {@link SpeedLayerSettings}. The settings are the platform
 * configuration's ({@code docs/configuration.md}): the file {@code --config} names, else the one
 * {@code $TRADEWIND_CONFIG} names, else none; the keys' {@code TRADEWIND_…} environment variables over it; each
 * option given over the key it sets ({@code KEYS}); the key's default ({@code PlatformKeys}) for the rest.
 * Hadoop settings not given here come from the cluster's class path ({@code HADOOP_CONF_DIR}), as for any Flink job.
 */
@Command(name = "SpeedLayerJob", sortOptions = false,
        description = {"Run the speed layer: archive Kafka events to the master data set, dead-letter the refused ones "
                + "and keep users' real-time lists in HBase.",
                "Settings come from the platform configuration file (--config FILE, else $TRADEWIND_CONFIG; keys in "
                        + "docs/configuration.md), the keys' TRADEWIND_* environment variables over it, and each option "
                        + "below over the key it names."})
public final class SpeedLayerArguments {
    /** Who needs the required keys, in the error when one is not set. */
    static final String NEEDED_BY = "the speed layer";

    /** The keys the job cannot run without, in the order their absence is reported. */
    private static final List<ConfigKey> REQUIRED =
            List.of(KAFKA_BOOTSTRAP_SERVERS, STORAGE_MASTER_DATASET, STORAGE_VIEWS, HBASE_ZOOKEEPER_QUORUM);

    /** The key each option sets; a {@code KEY=VALUE} option sets {@code KEY} under a pass-through prefix. */
    static final Map<String, ConfigKey> KEYS = Map.ofEntries(
            entry("--kafka", KAFKA_BOOTSTRAP_SERVERS),
            entry("--kafka-property", KAFKA_CONF),
            entry("--events-topic", KAFKA_EVENTS_TOPIC),
            entry("--dead-letter-topic", KAFKA_DEAD_LETTER_TOPIC),
            entry("--group", KAFKA_CONSUMER_GROUP),
            entry("--master-dataset", STORAGE_MASTER_DATASET),
            entry("--views", STORAGE_VIEWS),
            entry("--hadoop-conf", HADOOP_CONF),
            entry("--hbase-zookeeper", HBASE_ZOOKEEPER_QUORUM),
            entry("--hbase-znode-parent", HBASE_ZNODE_PARENT),
            entry("--hbase-conf", HBASE_CONF),
            entry("--namespace", HBASE_NAMESPACE),
            entry("--checkpoint-interval", SPEED_CHECKPOINT_INTERVAL),
            entry("--version-check-interval", SPEED_VERSION_CHECK_INTERVAL),
            entry("--parallelism", SPEED_PARALLELISM),
            entry("--catalogue", ELASTICSEARCH_URL),
            entry("--catalogue-alias", ELASTICSEARCH_CATALOGUE_ALIAS),
            entry("--trending-window", SPEED_TRENDING_WINDOW),
            entry("--trending-slide", SPEED_TRENDING_SLIDE),
            entry("--trending-lateness", SPEED_TRENDING_LATENESS));

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Platform configuration file (default: the file $TRADEWIND_CONFIG names, else none).")
    Path config;

    @Option(names = "--kafka", paramLabel = "HOST:PORT[,…]", description = "Kafka bootstrap servers.")
    String kafka;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "A Kafka client setting for the source and the dead-letter producer (TLS, SASL, …); repeatable.")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    @Option(names = "--events-topic", paramLabel = "TOPIC", description = "Topic of the behaviour events, keyed by user id.")
    String eventsTopic;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC",
            description = "Topic the refused records go to, with the reason.")
    String deadLetterTopic;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Kafka consumer group; also names the dead-letter transactions.")
    String group;

    @Option(names = "--master-dataset", paramLabel = "URI",
            description = "Master data set the events are archived to (hdfs://… or file://…).")
    String masterDataset;

    @Option(names = "--views", paramLabel = "URI",
            description = "Batch-views root; the active version's model is the incremental model's teacher.")
    String views;

    @Option(names = "--hadoop-conf", paramLabel = "KEY=VALUE",
            description = "A Hadoop client setting on top of the class path's (HADOOP_CONF_DIR); repeatable.")
    Map<String, String> hadoopConf = new LinkedHashMap<>();

    @Option(names = "--hbase-zookeeper", paramLabel = "HOST:PORT[,…]", description = "HBase's ZooKeeper quorum.")
    String hbaseZookeeper;

    @Option(names = "--hbase-znode-parent", paramLabel = "PATH", description = "HBase's parent znode.")
    String hbaseZnodeParent;

    @Option(names = "--hbase-conf", paramLabel = "KEY=VALUE", description = "An HBase client setting; repeatable.")
    Map<String, String> hbaseConf = new LinkedHashMap<>();

    @Option(names = "--namespace", paramLabel = "NAMESPACE", description = "HBase namespace of the serving tables.")
    String namespace;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION",
            description = "How often state, offsets and archive files commit: the archive's freshness.")
    String checkpointInterval;

    @Option(names = "--version-check-interval", paramLabel = "DURATION",
            description = "How often the active batch version is checked.")
    String versionCheckInterval;

    @Option(names = "--parallelism", paramLabel = "N", description = "Parallel instances of every operator.")
    String parallelism;

    @Option(names = "--catalogue", paramLabel = "URL[,…]",
            description = "Elasticsearch the catalogue's trending fields are written to; without a URL trends are counted, not published.")
    String catalogue;

    @Option(names = "--catalogue-alias", paramLabel = "ALIAS", description = "The alias the API searches.")
    String catalogueAlias;

    @Option(names = "--trending-window", paramLabel = "DURATION", description = "Event-time window products trend over.")
    String trendingWindow;

    @Option(names = "--trending-slide", paramLabel = "DURATION",
            description = "How often a window closes and the board is republished; divides the window.")
    String trendingSlide;

    @Option(names = "--trending-lateness", paramLabel = "DURATION",
            description = "How far out of order events may arrive and still count in trends.")
    String trendingLateness;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /**
     * @param environment the process's environment ({@code System.getenv()} in the job): {@code TRADEWIND_CONFIG}
     *                    and the keys' {@code TRADEWIND_…} variables are read from it
     */
    public SpeedLayerArguments(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * A command line for these arguments whose help says, after each option's description, the key the option sets
     * and that key's default, both from {@code PlatformKeys}.
     */
    public CommandLine commandLine() {
        CommandLine cli = new CommandLine(this);
        CommandSpec command = cli.getCommandSpec();
        for (OptionSpec option : List.copyOf(command.options())) { // all of them, re-added in order
            command.remove(option);
            ConfigKey key = KEYS.get(option.longestName());
            if (key != null) { // the key on a line of its own, so its name is not wrapped
                List<String> lines = new ArrayList<>(List.of(option.description()));
                lines.add(keyNote(key));
                option = option.toBuilder().description(lines.toArray(String[]::new)).build();
            }
            command.addOption(option);
        }
        return cli;
    }

    private static String keyNote(ConfigKey key) {
        if (key.isPrefix()) {
            return "Overrides " + key.name() + "KEY.";
        }
        return "Overrides " + key.name() + (key.defaultValue() != null ? " (default " + key.defaultValue() + ")."
                : REQUIRED.contains(key) ? " (required)." : ".");
    }

    /**
     * The parsed values as settings; a configuration that cannot be used (a file missing or naming an unknown key,
     * a value of the wrong type, a required key nobody set, …) throws a {@link ParameterException} saying which key,
     * and where its value came from.
     */
    public SpeedLayerSettings toSettings() {
        PlatformConfig c = configuration();
        try {
            return settings(c);
        } catch (ConfigException e) {
            throw wrong(e.getMessage());
        }
    }

    /** The file's, the environment's and the options' settings, in that order of precedence from lowest. */
    PlatformConfig configuration() {
        if (kafkaProperties.containsKey("bootstrap.servers")) {
            throw wrong("set the brokers with --kafka, not --kafka-property bootstrap.servers");
        }
        Path file = file();
        PlatformConfig c;
        try {
            c = file == null ? PlatformConfig.fromEnvironment(environment) : PlatformConfig.load(file, environment);
            for (OptionSpec option : spec.options()) {
                ConfigKey key = KEYS.get(option.longestName());
                Object value = option.getValue();
                if (key == null || value == null) {
                    continue;
                }
                if (key.isPrefix()) {
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                        c = c.with(key.name() + e.getKey(), (String) e.getValue(), option.longestName());
                    }
                } else {
                    c = c.with(key, (String) value, option.longestName());
                }
            }
        } catch (NoSuchFileException e) {
            throw wrong("configuration file not found: " + file + " (named by " + fileOrigin() + ")");
        } catch (IOException e) {
            throw wrong("cannot read the configuration file " + file + " (named by " + fileOrigin() + "): " + e);
        } catch (ConfigException e) {
            throw wrong(e.getMessage());
        }
        if (c.passThrough(KAFKA_CONF).containsKey("bootstrap.servers")) {
            throw wrong("set the brokers with kafka.bootstrap-servers, not kafka.conf.bootstrap.servers (in " + file + ")");
        }
        List<String> missing = new ArrayList<>();
        for (ConfigKey key : REQUIRED) {
            try {
                c.required(key, NEEDED_BY);
            } catch (ConfigException e) {
                missing.add(e.getMessage() + ", or pass " + optionOf(key));
            }
        }
        if (!missing.isEmpty()) {
            missing.add(file == null
                    ? "(no configuration file was read: name one with --config FILE or $" + PlatformConfig.FILE_VARIABLE + ")"
                    : "(configuration file " + file + ", named by " + fileOrigin() + ")");
            throw wrong(String.join("\n", missing));
        }
        return c;
    }

    /** {@code --config}, else the file {@code TRADEWIND_CONFIG} names, else null. */
    private Path file() {
        return PlatformConfig.fileFor(config, environment).orElse(null);
    }

    private String fileOrigin() {
        return config != null ? "--config" : PlatformConfig.FILE_VARIABLE;
    }

    private static SpeedLayerSettings settings(PlatformConfig c) {
        TrendingSettings trending;
        try {
            trending = TrendingSettings.defaults()
                    .publishingTo(c.text(ELASTICSEARCH_URL).orElse(null), c.text(ELASTICSEARCH_CATALOGUE_ALIAS).orElseThrow())
                    .authenticatingAs(ElasticsearchCredentials.from(c).orElse(null))
                    .withWindows(c.duration(SPEED_TRENDING_WINDOW), c.duration(SPEED_TRENDING_SLIDE),
                            c.duration(SPEED_TRENDING_LATENESS));
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (" + SPEED_TRENDING_WINDOW.name() + " from "
                    + c.origin(SPEED_TRENDING_WINDOW) + ", " + SPEED_TRENDING_SLIDE.name() + " from "
                    + c.origin(SPEED_TRENDING_SLIDE) + ")");
        }
        return SpeedLayerSettings.defaults(c.required(KAFKA_BOOTSTRAP_SERVERS, NEEDED_BY),
                        c.required(STORAGE_MASTER_DATASET, NEEDED_BY), c.required(STORAGE_VIEWS, NEEDED_BY))
                .withKafkaProperties(c.passThrough(KAFKA_CONF))
                .withTopics(c.text(KAFKA_EVENTS_TOPIC).orElseThrow(), c.text(KAFKA_DEAD_LETTER_TOPIC).orElseThrow(),
                        c.text(KAFKA_CONSUMER_GROUP).orElseThrow())
                .withHadoop(c.passThrough(HADOOP_CONF))
                .withHbase(HBaseClientSettings.from(c, NEEDED_BY), c.text(HBASE_NAMESPACE).orElseThrow())
                .withCheckpointInterval(c.duration(SPEED_CHECKPOINT_INTERVAL))
                .withVersionCheckInterval(c.duration(SPEED_VERSION_CHECK_INTERVAL))
                .withParallelism(c.integer(SPEED_PARALLELISM))
                .withTrending(trending);
    }

    private static String optionOf(ConfigKey key) {
        return KEYS.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    private ParameterException wrong(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
