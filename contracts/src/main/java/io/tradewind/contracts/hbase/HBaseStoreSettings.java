package io.tradewind.contracts.hbase;

import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;

/**
 * Where the serving tables live and how the HBase client behaves: the namespace, how many regions each salted
 * table is pre-split into, how many previously active versions retention keeps, and the client's timeouts.
 *
 * <p>Two client profiles: {@link #servingConfiguration} fails fast (the API answers from memory or with a 503
 * instead of waiting), {@link #loadingConfiguration} is patient but bounded (a nightly load or a retention run
 * should ride out a region move, not hang for HBase's default 20 minutes).
 *
 * @param namespace                HBase namespace of the serving tables
 * @param regionsPerTable          pre-split regions of each salted table (1..256)
 * @param retainedPreviousVersions previously active versions kept for rollback besides the active one
 * @param rpcTimeout               one RPC (and one TCP connect) on the serving path
 * @param operationTimeout         one serving call, retries included
 * @param clientRetries            retries of one serving call
 * @param retryPause               base pause between retries (HBase backs off from it)
 * @param zookeeperRetries         ZooKeeper reconnect attempts of one lookup
 * @param writeBufferBytes         buffered-mutator buffer of a load
 */
public record HBaseStoreSettings(
        String namespace,
        int regionsPerTable,
        int retainedPreviousVersions,
        Duration rpcTimeout,
        Duration operationTimeout,
        int clientRetries,
        Duration retryPause,
        int zookeeperRetries,
        long writeBufferBytes) {

    public static final String DEFAULT_NAMESPACE = "tradewind";

    public HBaseStoreSettings {
        if (namespace == null || !namespace.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("namespace must be letters, digits or _: " + namespace);
        }
        if (regionsPerTable < 1 || regionsPerTable > 256) {
            throw new IllegalArgumentException("regionsPerTable must be 1..256 (one byte of hash prefix): "
                    + regionsPerTable);
        }
        if (retainedPreviousVersions < 0) {
            throw new IllegalArgumentException("retainedPreviousVersions must be >= 0: " + retainedPreviousVersions);
        }
    }

    /** 16 regions per table, keep 2 previous versions, 1 s RPCs, 2 s per call with 2 retries. */
    public static HBaseStoreSettings defaults() {
        return new HBaseStoreSettings(DEFAULT_NAMESPACE, 16, 2, Duration.ofSeconds(1), Duration.ofSeconds(2), 2,
                Duration.ofMillis(100), 1, 8L << 20);
    }

    public HBaseStoreSettings withNamespace(String value) {
        return new HBaseStoreSettings(value, regionsPerTable, retainedPreviousVersions, rpcTimeout, operationTimeout,
                clientRetries, retryPause, zookeeperRetries, writeBufferBytes);
    }

    public HBaseStoreSettings withRegionsPerTable(int value) {
        return new HBaseStoreSettings(namespace, value, retainedPreviousVersions, rpcTimeout, operationTimeout,
                clientRetries, retryPause, zookeeperRetries, writeBufferBytes);
    }

    public HBaseStoreSettings withRetainedPreviousVersions(int value) {
        return new HBaseStoreSettings(namespace, regionsPerTable, value, rpcTimeout, operationTimeout, clientRetries,
                retryPause, zookeeperRetries, writeBufferBytes);
    }

    public HBaseStoreSettings withTimeouts(Duration rpc, Duration operation, int retries) {
        return new HBaseStoreSettings(namespace, regionsPerTable, retainedPreviousVersions, rpc, operation, retries,
                retryPause, zookeeperRetries, writeBufferBytes);
    }

    /** A copy of {@code base} for the hot read path: a stopped HBase fails a call within about the operation timeout. */
    public Configuration servingConfiguration(Configuration base) {
        Configuration conf = HBaseConfiguration.create(base);
        conf.setInt("hbase.client.retries.number", clientRetries);
        conf.setLong("hbase.client.pause", retryPause.toMillis());
        conf.setInt("hbase.rpc.timeout", millis(rpcTimeout));
        conf.setInt("hbase.client.operation.timeout", millis(operationTimeout));
        // Region lookups in hbase:meta have their own timeout; unbounded lookups are what makes clients hang.
        conf.setInt("hbase.client.meta.operation.timeout", millis(operationTimeout));
        conf.setInt("hbase.ipc.client.socket.timeout.connect", millis(rpcTimeout));
        conf.setInt("zookeeper.recovery.retry", zookeeperRetries);
        conf.setInt("zookeeper.recovery.retry.intervalmill", (int) retryPause.toMillis());
        return conf;
    }

    /** A copy of {@code base} for loads, retention and the speed layer's writes: minutes at most, not HBase's 20. */
    public Configuration loadingConfiguration(Configuration base) {
        Configuration conf = HBaseConfiguration.create(base);
        conf.setInt("hbase.client.retries.number", 10);
        conf.setLong("hbase.client.pause", 200);
        conf.setInt("hbase.rpc.timeout", 20_000);
        conf.setInt("hbase.client.operation.timeout", 120_000);
        conf.setInt("hbase.client.meta.operation.timeout", 120_000);
        conf.setInt("zookeeper.recovery.retry", 5);
        return conf;
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
