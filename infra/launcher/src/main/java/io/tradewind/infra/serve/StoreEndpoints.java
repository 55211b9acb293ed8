package io.tradewind.infra.serve;

import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.contracts.hbase.HBaseClientSettings;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;

/**
 * Where the embedded stores of this process are: HBase's ZooKeeper ({@code host:port} and parent znode), the
 * Elasticsearch URL, Kafka's bootstrap servers (the events topic), plus the HDFS the views and the master data set
 * live on. {@link #toConfig()} turns them into the platform configuration the API runs with and a running
 * {@code serve} or {@code demo} writes for the commands of another shell.
 */
public record StoreEndpoints(String zookeeper, String znodeParent, String elasticsearch, String kafka, String hdfs,
                             String viewsUri, String eventsUri) {
    private static final String ORIGIN = "the embedded stack";

    /** HBase client configuration for these endpoints. */
    public Configuration hbaseConfiguration() {
        Configuration conf = HBaseConfiguration.create();
        HBaseClientSettings.of(zookeeper, znodeParent, Map.of()).forEach(conf::set);
        return conf;
    }

    /** These endpoints as platform configuration keys (the rest at their defaults). */
    public PlatformConfig toConfig() {
        return applyTo(PlatformConfig.defaults());
    }

    /** {@code base} with these endpoints in place of its own (its other keys, e.g. the listener, kept). */
    public PlatformConfig applyTo(PlatformConfig base) {
        PlatformConfig config = base
                .with(PlatformKeys.HBASE_ZOOKEEPER_QUORUM, zookeeper, ORIGIN)
                .with(PlatformKeys.ELASTICSEARCH_URL, elasticsearch, ORIGIN);
        if (znodeParent != null) {
            config = config.with(PlatformKeys.HBASE_ZNODE_PARENT, znodeParent, ORIGIN);
        }
        if (kafka != null) {
            config = config.with(PlatformKeys.KAFKA_BOOTSTRAP_SERVERS, kafka, ORIGIN);
        }
        if (hdfs != null) {
            config = config.with(PlatformKeys.HADOOP_CONF.name() + "fs.defaultFS", hdfs, ORIGIN);
        }
        if (viewsUri != null) {
            config = config.with(PlatformKeys.STORAGE_VIEWS, viewsUri, ORIGIN);
        }
        if (eventsUri != null) {
            config = config.with(PlatformKeys.STORAGE_MASTER_DATASET, eventsUri, ORIGIN);
        }
        return config;
    }
}
