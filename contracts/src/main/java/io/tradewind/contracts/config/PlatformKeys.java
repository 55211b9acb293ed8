package io.tradewind.contracts.config;

import java.util.List;
import java.util.Optional;

/**
 * Every key of the platform configuration file, in one place: the commands, the speed-layer job, the API and the
 * file Terraform generates all use these names, and {@code docs/configuration.md} documents each (tests hold both
 * to this list). Keys without a default are endpoints: each process says which of them it needs.
 */
public final class PlatformKeys {
    public static final ConfigKey KAFKA_BOOTSTRAP_SERVERS = new ConfigKey("kafka.bootstrap-servers", ValueType.HOST_PORTS,
            null, "Kafka brokers of the events topic: POST /v1/events produces to them, the speed layer consumes.");
    public static final ConfigKey KAFKA_EVENTS_TOPIC = new ConfigKey("kafka.events-topic", ValueType.TEXT, "events",
            "Topic of the behaviour events, keyed by user id.");
    public static final ConfigKey KAFKA_DEAD_LETTER_TOPIC = new ConfigKey("kafka.dead-letter-topic", ValueType.TEXT,
            "events-dead-letter", "Topic the speed layer sends refused records to, with the reason.");
    public static final ConfigKey KAFKA_CONSUMER_GROUP = new ConfigKey("kafka.consumer-group", ValueType.TEXT,
            "tradewind-speed-layer", "The speed layer's consumer group; also names its dead-letter transactions.");
    public static final ConfigKey KAFKA_CONF = new ConfigKey("kafka.conf.", ValueType.TEXT, null,
            "Kafka client settings passed through as they are (TLS, SASL, IAM), e.g. kafka.conf.security.protocol.");

    public static final ConfigKey HBASE_ZOOKEEPER_QUORUM = new ConfigKey("hbase.zookeeper-quorum", ValueType.HOST_PORTS,
            null, "HBase's ZooKeeper quorum (serving tables: portraits, batch and real-time lists, registry).");
    public static final ConfigKey HBASE_ZNODE_PARENT = new ConfigKey("hbase.znode-parent", ValueType.TEXT, "/hbase",
            "HBase's parent znode.");
    public static final ConfigKey HBASE_NAMESPACE = new ConfigKey("hbase.namespace", ValueType.TEXT, "tradewind",
            "HBase namespace of the serving tables.");
    public static final ConfigKey HBASE_CONF = new ConfigKey("hbase.conf.", ValueType.TEXT, null,
            "HBase client settings passed through, e.g. hbase.conf.hbase.rpc.timeout.");

    public static final ConfigKey HADOOP_CONF = new ConfigKey("hadoop.conf.", ValueType.TEXT, null,
            "Hadoop client settings passed through, e.g. hadoop.conf.fs.defaultFS or hadoop.conf.fs.s3a.endpoint.region.");
    public static final ConfigKey STORAGE_MASTER_DATASET = new ConfigKey("storage.master-dataset",
            ValueType.URI_WITH_SCHEME, null, "The master data set: imports and the speed layer append, retrains read.");
    public static final ConfigKey STORAGE_VIEWS = new ConfigKey("storage.views", ValueType.URI_WITH_SCHEME, null,
            "The batch-views root: retrains write versions and CURRENT, publish and the speed layer read.");

    public static final ConfigKey ELASTICSEARCH_URL = new ConfigKey("elasticsearch.url", ValueType.HTTP_URLS, null,
            "Elasticsearch holding the product catalogue (search; the speed layer's trending fields).");
    public static final ConfigKey ELASTICSEARCH_CATALOGUE_ALIAS = new ConfigKey("elasticsearch.catalogue-alias",
            ValueType.TEXT, "catalogue", "The alias the API searches and publish switches.");
    public static final ConfigKey ELASTICSEARCH_USERNAME = new ConfigKey("elasticsearch.username", ValueType.SECRET, null,
            "User the API, publish, rollback and the speed layer authenticate to Elasticsearch as (HTTP basic), with "
                    + "elasticsearch.password; without both, requests go unauthenticated.");
    public static final ConfigKey ELASTICSEARCH_PASSWORD = new ConfigKey("elasticsearch.password", ValueType.SECRET, null,
            "That user's password.");

    public static final ConfigKey API_HOST = new ConfigKey("api.host", ValueType.TEXT, "127.0.0.1",
            "Address the HTTP API listens on (0.0.0.0 in a container).");
    public static final ConfigKey API_PORT = new ConfigKey("api.port", ValueType.PORT, "8080",
            "Port the HTTP API listens on.");
    public static final ConfigKey API_KEYS_FILE = new ConfigKey("api.keys-file", ValueType.PATH, null,
            "File of the hashed API keys (./tradewind keys writes it); default target/serving/api-keys.json.");

    public static final ConfigKey API_BEHIND_TLS = new ConfigKey("api.behind-tls", ValueType.BOOLEAN, "false",
            "The API is reached through TLS (a load balancer ends it): console cookies are marked Secure on every answer.");
    public static final ConfigKey API_SESSION_IDLE_TIMEOUT = new ConfigKey("api.session.idle-timeout", ValueType.DURATION,
            "30m", "A console session unused this long ends: the person signs in again.");
    public static final ConfigKey API_SESSION_ABSOLUTE_TIMEOUT = new ConfigKey("api.session.absolute-timeout",
            ValueType.DURATION, "12h", "A console session ends this long after its sign-in, however busy.");
    public static final ConfigKey API_SIGN_IN_MAX_FAILURES = new ConfigKey("api.sign-in.max-failures",
            ValueType.POSITIVE_INT, "5", "Wrong passwords in a row that lock a console account.");
    public static final ConfigKey API_SIGN_IN_LOCKOUT = new ConfigKey("api.sign-in.lockout", ValueType.DURATION, "15m",
            "How long a console account stays locked after too many wrong passwords.");

    public static final ConfigKey SPEED_PARALLELISM = new ConfigKey("speed.parallelism", ValueType.POSITIVE_INT, "2",
            "Parallel instances of every speed-layer operator.");
    public static final ConfigKey SPEED_CHECKPOINT_INTERVAL = new ConfigKey("speed.checkpoint-interval",
            ValueType.DURATION, "10s", "How often state, offsets and archive files commit: the archive's freshness.");
    public static final ConfigKey SPEED_VERSION_CHECK_INTERVAL = new ConfigKey("speed.version-check-interval",
            ValueType.DURATION, "30s", "How often the speed layer checks for a newly activated batch version.");
    public static final ConfigKey SPEED_TRENDING_WINDOW = new ConfigKey("speed.trending-window", ValueType.DURATION,
            "1h", "Event-time window products trend over.");
    public static final ConfigKey SPEED_TRENDING_SLIDE = new ConfigKey("speed.trending-slide", ValueType.DURATION,
            "15m", "How often a trending window closes; divides the window.");
    public static final ConfigKey SPEED_TRENDING_LATENESS = new ConfigKey("speed.trending-lateness", ValueType.DURATION,
            "1m", "How far out of order events may arrive and still count in trends.");

    public static final ConfigKey RETRAIN_LOCK_TIMEOUT = new ConfigKey("retrain.lock-timeout", ValueType.DURATION, "6h",
            "Age after which another host's retrain lock is reported stale.");

    private static final List<ConfigKey> ALL = List.of(
            KAFKA_BOOTSTRAP_SERVERS, KAFKA_EVENTS_TOPIC, KAFKA_DEAD_LETTER_TOPIC, KAFKA_CONSUMER_GROUP, KAFKA_CONF,
            HBASE_ZOOKEEPER_QUORUM, HBASE_ZNODE_PARENT, HBASE_NAMESPACE, HBASE_CONF,
            HADOOP_CONF, STORAGE_MASTER_DATASET, STORAGE_VIEWS,
            ELASTICSEARCH_URL, ELASTICSEARCH_CATALOGUE_ALIAS, ELASTICSEARCH_USERNAME, ELASTICSEARCH_PASSWORD,
            API_HOST, API_PORT, API_KEYS_FILE, API_BEHIND_TLS, API_SESSION_IDLE_TIMEOUT, API_SESSION_ABSOLUTE_TIMEOUT,
            API_SIGN_IN_MAX_FAILURES, API_SIGN_IN_LOCKOUT,
            SPEED_PARALLELISM, SPEED_CHECKPOINT_INTERVAL, SPEED_VERSION_CHECK_INTERVAL,
            SPEED_TRENDING_WINDOW, SPEED_TRENDING_SLIDE, SPEED_TRENDING_LATENESS,
            RETRAIN_LOCK_TIMEOUT);

    private PlatformKeys() {
    }

    /** Every key and pass-through prefix, in the order the documentation lists them. */
    public static List<ConfigKey> all() {
        return ALL;
    }

    /** The key or pass-through prefix that covers {@code name}, if any. */
    public static Optional<ConfigKey> find(String name) {
        return ALL.stream().filter(k -> k.covers(name)).findFirst();
    }
}
