package io.tradewind.serving;

import io.tradewind.contracts.catalogue.ElasticsearchCredentials;
import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.contracts.hbase.HBaseClientSettings;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.serving.admin.SessionPolicy;
import io.tradewind.serving.catalogue.CatalogueIndex;
import io.tradewind.serving.events.EventIntake;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;

/**
 * Everything the serving layer connects to and how it listens. Production endpoints are values here (HBase's
 * ZooKeeper quorum in {@code hbase}, the Elasticsearch URL, Kafka's bootstrap servers, HDFS URIs), never code.
 *
 * @param hbase            HBase client configuration (at least {@code hbase.zookeeper.quorum} and client port)
 * @param hadoop           for the batch-view URIs (HDFS, local, …)
 * @param elasticsearchCredentials the user Elasticsearch requests authenticate as; null for none
 * @param events           the Kafka topic {@code POST /v1/events} hands events to; null in a process that serves no
 *                         API (publish, rollback)
 * @param apiKeysFile      hashed API keys
 * @param preferredModel   answers when a caller names no model, if the version publishes it
 * @param cacheEntries     users and items cached per version
 * @param versionPollMillis how often an API instance checks the registry for a flip made elsewhere
 * @param sessions         console sessions' timeouts, cookies and sign-in lockout
 */
public record ServingConfig(
        Configuration hbase,
        Configuration hadoop,
        HBaseStoreSettings hbaseSettings,
        String elasticsearchUrl,
        ElasticsearchCredentials elasticsearchCredentials,
        String catalogueAlias,
        EventIntake events,
        Path apiKeysFile,
        String host,
        int port,
        String preferredModel,
        long cacheEntries,
        long versionPollMillis,
        SessionPolicy sessions) {

    public static final String DEFAULT_MODEL = "FreshBlend";

    /** Defaults for everything but the endpoints: port 8080 on 127.0.0.1, alias {@code catalogue}, FreshBlend. */
    public static ServingConfig of(Configuration hbase, Configuration hadoop, String elasticsearchUrl, EventIntake events,
                                   Path apiKeysFile) {
        return new ServingConfig(hbase, hadoop, HBaseStoreSettings.defaults(), elasticsearchUrl, null,
                CatalogueIndex.DEFAULT_ALIAS, events, apiKeysFile, "127.0.0.1", 8080, DEFAULT_MODEL, 200_000, 1_000, SessionPolicy.defaults());
    }

    /**
     * The serving layer as the platform configuration describes it: HBase, Elasticsearch, the catalogue alias and
     * namespace, the listener, and (with {@code withEvents}, for a process that serves {@code POST /v1/events}) the
     * Kafka topic with its pass-through client settings. {@code neededBy} names the process in a missing key's error.
     *
     * @param hadoop      for the batch-view URIs; the configuration's {@code hadoop.conf.} keys are set on it
     * @param apiKeysFile used when the configuration names no {@code api.keys-file}
     */
    public static ServingConfig from(PlatformConfig config, String neededBy, boolean withEvents, Configuration hadoop,
                                     Path apiKeysFile) {
        Configuration hbase = HBaseConfiguration.create();
        HBaseClientSettings.from(config, neededBy).forEach(hbase::set);
        config.passThrough(PlatformKeys.HADOOP_CONF).forEach(hadoop::set);
        EventIntake events = withEvents
                ? EventIntake.of(config.required(PlatformKeys.KAFKA_BOOTSTRAP_SERVERS, neededBy))
                        .withTopic(config.required(PlatformKeys.KAFKA_EVENTS_TOPIC, neededBy))
                        .withClientProperties(config.passThrough(PlatformKeys.KAFKA_CONF))
                : null;
        return new ServingConfig(hbase, hadoop,
                HBaseStoreSettings.defaults().withNamespace(config.required(PlatformKeys.HBASE_NAMESPACE, neededBy)),
                config.required(PlatformKeys.ELASTICSEARCH_URL, neededBy), ElasticsearchCredentials.from(config).orElse(null),
                config.required(PlatformKeys.ELASTICSEARCH_CATALOGUE_ALIAS, neededBy), events,
                config.path(PlatformKeys.API_KEYS_FILE).orElse(apiKeysFile),
                config.required(PlatformKeys.API_HOST, neededBy), config.integer(PlatformKeys.API_PORT), DEFAULT_MODEL,
                200_000, 1_000, SessionPolicy.defaults()
                        .withTimeouts(config.duration(PlatformKeys.API_SESSION_IDLE_TIMEOUT),
                                config.duration(PlatformKeys.API_SESSION_ABSOLUTE_TIMEOUT))
                        .withSecureCookies(config.bool(PlatformKeys.API_BEHIND_TLS))
                        .withLockout(config.integer(PlatformKeys.API_SIGN_IN_MAX_FAILURES),
                                config.duration(PlatformKeys.API_SIGN_IN_LOCKOUT),
                                SessionPolicy.defaults().failureDelay()));
    }

    public ServingConfig withPort(int value) {
        return new ServingConfig(hbase, hadoop, hbaseSettings, elasticsearchUrl, elasticsearchCredentials, catalogueAlias, events, apiKeysFile,
                host, value, preferredModel, cacheEntries, versionPollMillis, sessions);
    }

    public ServingConfig withHost(String value) {
        return new ServingConfig(hbase, hadoop, hbaseSettings, elasticsearchUrl, elasticsearchCredentials, catalogueAlias, events, apiKeysFile,
                value, port, preferredModel, cacheEntries, versionPollMillis, sessions);
    }

    public ServingConfig withHBaseSettings(HBaseStoreSettings value) {
        return new ServingConfig(hbase, hadoop, value, elasticsearchUrl, elasticsearchCredentials, catalogueAlias, events, apiKeysFile,
                host, port, preferredModel, cacheEntries, versionPollMillis, sessions);
    }

    public ServingConfig withSessions(SessionPolicy value) {
        return new ServingConfig(hbase, hadoop, hbaseSettings, elasticsearchUrl, elasticsearchCredentials, catalogueAlias, events, apiKeysFile,
                host, port, preferredModel, cacheEntries, versionPollMillis, value);
    }
}
