package io.tradewind.speed;

import io.tradewind.contracts.catalogue.CatalogueFields;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.speed.trending.TrendingSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The speed layer's command line, as {@code flink run … tradewind-speed-layer-…-job.jar} passes it to
 * {@link SpeedLayerJob#main}: endpoints, topics and tuning, turned into one {@link SpeedLayerSettings}.
 * Hadoop settings not given here come from the cluster's class path ({@code HADOOP_CONF_DIR}), as for any Flink job.
 */
@Command(name = "SpeedLayerJob", sortOptions = false,
        description = "Run the speed layer: archive Kafka events to the master data set, dead-letter the refused ones "
                + "and keep users' real-time lists in HBase.")
public final class SpeedLayerArguments {
    @Spec
    CommandSpec spec;

    @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT[,…]", description = "Kafka bootstrap servers.")
    String kafka;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "A Kafka client setting for the source and the dead-letter producer (TLS, SASL, …); repeatable.")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    @Option(names = "--events-topic", defaultValue = SpeedLayerSettings.DEFAULT_EVENTS_TOPIC,
            description = "Topic of the behaviour events, keyed by user id (default ${DEFAULT-VALUE}).")
    String eventsTopic;

    @Option(names = "--dead-letter-topic", defaultValue = SpeedLayerSettings.DEFAULT_DEAD_LETTER_TOPIC,
            description = "Topic the refused records go to, with the reason (default ${DEFAULT-VALUE}).")
    String deadLetterTopic;

    @Option(names = "--group", defaultValue = SpeedLayerSettings.DEFAULT_CONSUMER_GROUP,
            description = "Kafka consumer group; also names the dead-letter transactions (default ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--master-dataset", required = true, paramLabel = "URI",
            description = "Master data set the events are archived to (hdfs://… or file://…).")
    String masterDataset;

    @Option(names = "--views", required = true, paramLabel = "URI",
            description = "Batch-views root; the active version's model is the incremental model's teacher.")
    String views;

    @Option(names = "--hadoop-conf", paramLabel = "KEY=VALUE",
            description = "A Hadoop client setting on top of the class path's (HADOOP_CONF_DIR); repeatable.")
    Map<String, String> hadoopConf = new LinkedHashMap<>();

    @Option(names = "--hbase-zookeeper", required = true, paramLabel = "HOST:PORT[,…]",
            description = "HBase's ZooKeeper quorum.")
    String hbaseZookeeper;

    @Option(names = "--hbase-znode-parent", paramLabel = "PATH", description = "HBase's parent znode (default /hbase).")
    String hbaseZnodeParent;

    @Option(names = "--hbase-conf", paramLabel = "KEY=VALUE", description = "An HBase client setting; repeatable.")
    Map<String, String> hbaseConf = new LinkedHashMap<>();

    @Option(names = "--namespace", defaultValue = HBaseStoreSettings.DEFAULT_NAMESPACE,
            description = "HBase namespace of the serving tables (default ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--checkpoint-interval", defaultValue = "10s", converter = DurationArgument.class,
            paramLabel = "DURATION",
            description = "How often state, offsets and archive files commit: the archive's freshness (default ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--version-check-interval", defaultValue = "30s", converter = DurationArgument.class,
            paramLabel = "DURATION", description = "How often the active batch version is checked (default ${DEFAULT-VALUE}).")
    Duration versionCheckInterval;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallel instances of every operator (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--catalogue", paramLabel = "URL[,…]",
            description = "Elasticsearch the catalogue's trending fields are written to; without it trends are counted, not published.")
    String catalogue;

    @Option(names = "--catalogue-alias", defaultValue = CatalogueFields.DEFAULT_ALIAS,
            description = "The alias the API searches (default ${DEFAULT-VALUE}).")
    String catalogueAlias;

    @Option(names = "--trending-window", defaultValue = "1h", converter = DurationArgument.class, paramLabel = "DURATION",
            description = "Event-time window products trend over (default ${DEFAULT-VALUE}).")
    Duration trendingWindow;

    @Option(names = "--trending-slide", defaultValue = "15m", converter = DurationArgument.class, paramLabel = "DURATION",
            description = "How often a window closes and the board is republished; divides the window (default ${DEFAULT-VALUE}).")
    Duration trendingSlide;

    @Option(names = "--trending-lateness", defaultValue = "1m", converter = DurationArgument.class, paramLabel = "DURATION",
            description = "How far out of order events may arrive and still count in trends (default ${DEFAULT-VALUE}).")
    Duration trendingLateness;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** The parsed values as settings; a value out of range throws a {@link ParameterException} naming the option. */
    public SpeedLayerSettings toSettings() {
        if (kafkaProperties.containsKey("bootstrap.servers")) {
            throw wrong("set the brokers with --kafka, not --kafka-property bootstrap.servers");
        }
        if (parallelism < 1) {
            throw wrong("--parallelism must be at least 1, got " + parallelism);
        }
        for (var interval : Map.of("--checkpoint-interval", checkpointInterval,
                "--version-check-interval", versionCheckInterval).entrySet()) {
            if (interval.getValue().isZero() || interval.getValue().isNegative()) {
                throw wrong(interval.getKey() + " must be positive, got " + interval.getValue());
            }
        }
        TrendingSettings trending;
        try {
            trending = TrendingSettings.defaults().publishingTo(catalogue, catalogueAlias)
                    .withWindows(trendingWindow, trendingSlide, trendingLateness);
        } catch (IllegalArgumentException e) {
            throw wrong(e.getMessage());
        }
        return SpeedLayerSettings.defaults(kafka, masterDataset, views)
                .withKafkaProperties(kafkaProperties)
                .withTopics(eventsTopic, deadLetterTopic, group)
                .withHadoop(hadoopConf)
                .withHbase(hbaseSettings(), namespace)
                .withCheckpointInterval(checkpointInterval)
                .withVersionCheckInterval(versionCheckInterval)
                .withParallelism(parallelism)
                .withTrending(trending);
    }

    /**
     * {@code --hbase-zookeeper host:port} as HBase's quorum and client port; several servers go into the quorum as
     * they are ({@code host1:2181,host2:2181}, which HBase accepts). {@code --hbase-conf} entries win.
     */
    private Map<String, String> hbaseSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        String quorum = hbaseZookeeper.strip();
        int colon = quorum.lastIndexOf(':');
        if (quorum.isEmpty() || quorum.endsWith(":") || quorum.startsWith(":")) {
            throw wrong("--hbase-zookeeper takes HOST:PORT[,HOST:PORT…], got '" + hbaseZookeeper + "'");
        }
        if (!quorum.contains(",") && colon > 0) {
            String port = quorum.substring(colon + 1);
            if (!port.chars().allMatch(Character::isDigit)) {
                throw wrong("--hbase-zookeeper: '" + port + "' is not a port");
            }
            out.put("hbase.zookeeper.quorum", quorum.substring(0, colon));
            out.put("hbase.zookeeper.property.clientPort", port);
        } else {
            out.put("hbase.zookeeper.quorum", quorum);
        }
        if (hbaseZnodeParent != null) {
            out.put("zookeeper.znode.parent", hbaseZnodeParent);
        }
        out.putAll(hbaseConf);
        return out;
    }

    private ParameterException wrong(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT10S}). */
    static final class DurationArgument implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            Matcher m = SHORT.matcher(v);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            try {
                return Duration.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a duration (e.g. 500ms, 10s, 2m, 1h or PT10S)");
            }
        }
    }
}
