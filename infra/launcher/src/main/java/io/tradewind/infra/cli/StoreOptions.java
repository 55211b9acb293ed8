package io.tradewind.infra.cli;

import io.tradewind.infra.serve.StoreEndpoints;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the serving stores are. Production passes {@code --hbase-zookeeper} and {@code --elasticsearch}; on one
 * machine the stores of a running {@code ./tradewind serve} or {@code demo} are found through the endpoints file it
 * writes.
 */
final class StoreOptions {
    @Option(names = "--hbase-zookeeper", paramLabel = "HOST:PORT",
            description = "HBase's ZooKeeper quorum (default: the stores of a running serve or demo).")
    String zookeeper;

    @Option(names = "--elasticsearch", paramLabel = "URL",
            description = "Elasticsearch URL, e.g. http://es.internal:9200 (default: the running serve or demo's).")
    String elasticsearch;

    /** The endpoints file of a running embedded serve or demo. */
    static Path endpointsFile() {
        return SharedFiles.home().resolve("target").resolve("serving").resolve("endpoints.json").toAbsolutePath().normalize();
    }

    StoreEndpoints resolve() throws IOException {
        if (zookeeper != null && elasticsearch != null) {
            return new StoreEndpoints(zookeeper, null, elasticsearch, null, null, null, null, null);
        }
        if (zookeeper != null || elasticsearch != null) {
            throw new IllegalArgumentException("pass both --hbase-zookeeper and --elasticsearch, or neither to use a "
                    + "running './tradewind serve' or demo");
        }
        return StoreEndpoints.read(endpointsFile());
    }
}
