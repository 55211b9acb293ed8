package io.tradewind.infra.cli;

import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the serving stores are: the platform configuration ({@code --config}, {@code TRADEWIND_CONFIG}, or the file
 * a running {@code ./tradewind serve} or {@code demo} wrote), with {@code --hbase-zookeeper} and
 * {@code --elasticsearch} over it.
 */
final class StoreOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Platform configuration file (default: $TRADEWIND_CONFIG, else the running serve or demo's).")
    Path config;

    @Option(names = "--hbase-zookeeper", paramLabel = "HOST:PORT", description = "HBase's ZooKeeper quorum, over the configuration's.")
    String zookeeper;

    @Option(names = "--elasticsearch", paramLabel = "URL", description = "Elasticsearch URL, e.g. http://es.internal:9200, over the configuration's.")
    String elasticsearch;

    /** The configuration with the options applied; fails saying how to name the stores when it has none. */
    PlatformConfig resolve() throws IOException {
        if ((zookeeper == null) != (elasticsearch == null)) {
            throw new IllegalArgumentException("pass both --hbase-zookeeper and --elasticsearch, or neither to use the "
                    + "configuration or a running './tradewind serve' or demo");
        }
        PlatformConfig resolved = ConfigFiles.resolve(config, true);
        if (zookeeper != null) {
            resolved = resolved.with(PlatformKeys.HBASE_ZOOKEEPER_QUORUM, zookeeper, "--hbase-zookeeper")
                    .with(PlatformKeys.ELASTICSEARCH_URL, elasticsearch, "--elasticsearch");
        }
        if (!resolved.isSet(PlatformKeys.HBASE_ZOOKEEPER_QUORUM) && ConfigFiles.chosen(config, true) == null) {
            throw new IOException("no running Tradewind stack found (" + ConfigFiles.runningStack() + " is missing): "
                    + "start './tradewind serve' or './tradewind demo' in another shell, or pass --config FILE, or "
                    + "--hbase-zookeeper and --elasticsearch");
        }
        return resolved;
    }
}
