package io.tradewind.speed;

import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.core.incremental.IncrementalConfig;
import io.tradewind.speed.trending.TrendingSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;

/**
 * Everything the streaming job is configured with: where events come from (Kafka), where they go (the master data
 * set, HBase), what it learns from (the batch views) and its tuning. One serializable value, built by
 * {@link SpeedLayerArguments} from the command line or by tests, handed to every operator; nothing reads a global.
 *
 * @param kafkaBootstrap       Kafka's {@code bootstrap.servers}
 * @param kafkaProperties      extra client settings passed through to every Kafka client (TLS, SASL, …)
 * @param eventsTopic          behaviour events, keyed by user id
 * @param deadLetterTopic      records the job refused, with the reason
 * @param consumerGroup        the Kafka consumer group (offsets are also in Flink's checkpoints)
 * @param masterDatasetUri     root of the master data set the archive appends to
 * @param viewsUri             root of the batch views (the neighbours of the active version are read there)
 * @param hadoopSettings       Hadoop client settings for the archive and the views, as strings
 * @param hbaseSettings        HBase client settings ({@code hbase.zookeeper.quorum}, …), as strings
 * @param hbaseNamespace       namespace of the serving tables
 * @param checkpointInterval   how often state and the archive are committed: the archive's freshness
 * @param futureTolerance      how far ahead of the clock an event may be dated before it is refused
 * @param dedupRetention       how long event ids are remembered to drop duplicates
 * @param incremental          the DIR model's settings (loss mix α, β, λ, K, learning rate, list mix)
 * @param listSize             entries of a user's real-time list
 * @param versionCheckInterval how often the active batch version is checked
 * @param weights              how much each behaviour type counts
 * @param parallelism          parallel instances of every operator
 * @param trending             trending items per country: windows and the catalogue they are published to
 */
public record SpeedLayerSettings(
        String kafkaBootstrap,
        Map<String, String> kafkaProperties,
        String eventsTopic,
        String deadLetterTopic,
        String consumerGroup,
        String masterDatasetUri,
        String viewsUri,
        Map<String, String> hadoopSettings,
        Map<String, String> hbaseSettings,
        String hbaseNamespace,
        Duration checkpointInterval,
        Duration futureTolerance,
        Duration dedupRetention,
        IncrementalConfig incremental,
        int listSize,
        Duration versionCheckInterval,
        BehaviourWeights weights,
        int parallelism,
        TrendingSettings trending) implements Serializable {

    public static final String DEFAULT_EVENTS_TOPIC = "events";
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "events-dead-letter";
    public static final String DEFAULT_CONSUMER_GROUP = "tradewind-speed-layer";

    public SpeedLayerSettings {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(trending, "trending");
        Objects.requireNonNull(masterDatasetUri, "masterDatasetUri");
        Objects.requireNonNull(viewsUri, "viewsUri");
        kafkaProperties = Map.copyOf(kafkaProperties);
        hadoopSettings = Map.copyOf(hadoopSettings);
        hbaseSettings = Map.copyOf(hbaseSettings);
        Objects.requireNonNull(incremental, "incremental");
        if (listSize < 1 || parallelism < 1) {
            throw new IllegalArgumentException("listSize and parallelism must be positive");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpointInterval must be positive, got " + checkpointInterval);
        }
    }

    /** Defaults for everything but the endpoints. */
    public static SpeedLayerSettings defaults(String kafkaBootstrap, String masterDatasetUri, String viewsUri) {
        return new SpeedLayerSettings(kafkaBootstrap, Map.of(), DEFAULT_EVENTS_TOPIC, DEFAULT_DEAD_LETTER_TOPIC,
                DEFAULT_CONSUMER_GROUP, masterDatasetUri, viewsUri, Map.of(), Map.of(),
                HBaseStoreSettings.DEFAULT_NAMESPACE, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofDays(7),
                IncrementalConfig.defaults(), 30, Duration.ofSeconds(30), BehaviourWeights.DEFAULT, 2,
                TrendingSettings.defaults());
    }

    public SpeedLayerSettings withHbase(Map<String, String> settings, String namespace) {
        return new SpeedLayerSettings(kafkaBootstrap, kafkaProperties, eventsTopic, deadLetterTopic, consumerGroup,
                masterDatasetUri, viewsUri, hadoopSettings, settings, namespace, checkpointInterval, futureTolerance,
                dedupRetention, incremental, listSize, versionCheckInterval, weights, parallelism, trending);
    }

    public SpeedLayerSettings withHadoop(Map<String, String> settings) {
        return new SpeedLayerSettings(kafkaBootstrap, kafkaProperties, eventsTopic, deadLetterTopic, consumerGroup,
                masterDatasetUri, viewsUri, settings, hbaseSettings, hbaseNamespace, checkpointInterval, futureTolerance,
                dedupRetention, incremental, listSize, versionCheckInterval, weights, parallelism, trending);
    }

    public SpeedLayerSettings withTopics(String events, String deadLetters, String group) {
        return new SpeedLayerSettings(kafkaBootstrap, kafkaProperties, events, deadLetters, group, masterDatasetUri,
                viewsUri, hadoopSettings, hbaseSettings, hbaseNamespace, checkpointInterval, futureTolerance,
                dedupRetention, incremental, listSize, versionCheckInterval, weights, parallelism, trending);
    }

    public SpeedLayerSettings withCheckpointInterval(Duration value) {
        return new SpeedLayerSettings(kafkaBootstrap, kafkaProperties, eventsTopic, deadLetterTopic, consumerGroup,
                masterDatasetUri, viewsUri, hadoopSettings, hbaseSettings, hbaseNamespace, value, futureTolerance,
                dedupRetention, incremental, listSize, versionCheckInterval, weights, parallelism, trending);
    }

    public SpeedLayerSettings withVersionCheckInterval(Duration value) {
        return new SpeedLayerSettings(kafkaBootstrap, kafkaProperties, eventsTopic, deadLetterTopic, consumerGroup,
                masterDatasetUri, viewsUri, hadoopSettings, hbaseSettings, hbaseNamespace, checkpointInterval,
                futureTolerance, dedupRetention, incremental, listSize, value, weights, parallelism, trending);
    }

    public SpeedLayerSettings withParallelism(int value) {
        return new SpeedLayerSettings(kafkaBootstrap, kafkaProperties, eventsTopic, deadLetterTopic, consumerGroup,
                masterDatasetUri, viewsUri, hadoopSettings, hbaseSettings, hbaseNamespace, checkpointInterval,
                futureTolerance, dedupRetention, incremental, listSize, versionCheckInterval, weights,
                value, trending);
    }

    public SpeedLayerSettings withKafkaProperties(Map<String, String> value) {
        return new SpeedLayerSettings(kafkaBootstrap, value, eventsTopic, deadLetterTopic, consumerGroup,
                masterDatasetUri, viewsUri, hadoopSettings, hbaseSettings, hbaseNamespace, checkpointInterval,
                futureTolerance, dedupRetention, incremental, listSize, versionCheckInterval, weights,
                parallelism, trending);
    }

    public SpeedLayerSettings withTuning(Duration future, Duration dedup, IncrementalConfig model, int list,
                                         BehaviourWeights behaviourWeights) {
        return new SpeedLayerSettings(kafkaBootstrap, kafkaProperties, eventsTopic, deadLetterTopic, consumerGroup,
                masterDatasetUri, viewsUri, hadoopSettings, hbaseSettings, hbaseNamespace, checkpointInterval, future,
                dedup, model, list, versionCheckInterval, behaviourWeights, parallelism, trending);
    }

    public SpeedLayerSettings withTrending(TrendingSettings value) {
        return new SpeedLayerSettings(kafkaBootstrap, kafkaProperties, eventsTopic, deadLetterTopic, consumerGroup,
                masterDatasetUri, viewsUri, hadoopSettings, hbaseSettings, hbaseNamespace, checkpointInterval,
                futureTolerance, dedupRetention, incremental, listSize, versionCheckInterval, weights, parallelism,
                value);
    }

    /** The Kafka client settings: the pass-through properties (TLS, SASL) on top of the bootstrap servers. */
    public Properties kafkaClientProperties() {
        Properties p = new Properties();
        p.putAll(kafkaProperties);
        p.put("bootstrap.servers", kafkaBootstrap);
        return p;
    }

    public Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        hadoopSettings.forEach(conf::set);
        return conf;
    }

    /** HBase client settings for writes: patient through a region move, bounded when HBase is gone. */
    public Configuration hbaseConfiguration() {
        Configuration base = new Configuration();
        hbaseSettings.forEach(base::set);
        return HBaseStoreSettings.defaults().withNamespace(hbaseNamespace).loadingConfiguration(base);
    }

    /** Plain copies of a configuration's entries, to travel in settings. */
    public static Map<String, String> entries(Configuration conf) {
        Map<String, String> out = new HashMap<>();
        conf.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
