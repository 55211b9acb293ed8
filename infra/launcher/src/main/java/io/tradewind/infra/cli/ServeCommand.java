package io.tradewind.infra.cli;

import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.infra.serve.EmbeddedServingStores;
import io.tradewind.infra.serve.ServingSession;
import io.tradewind.infra.serve.SpeedLayerRunner;
import io.tradewind.infra.serve.StoreEndpoints;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the HTTP API and page. With a configuration naming the stores (--config, $TRADEWIND_CONFIG) "
                + "or --hbase-zookeeper, --elasticsearch and --kafka it uses those stores; without, it starts HDFS, HBase, "
                + "Kafka, Elasticsearch and the speed layer embedded on this machine.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Platform configuration file naming the stores (default: $TRADEWIND_CONFIG; none: embedded stores).")
    Path config;

    @Option(names = "--views", description = "Publish the version this batch-views root's CURRENT names before serving "
            + "(over storage.views).")
    String views;

    @Option(names = "--kafka", paramLabel = "HOST:PORT,...", description = "Kafka bootstrap servers of the events topic "
            + "that POST /v1/events produces to (external stores; the speed layer runs on your Flink cluster).")
    String kafka;

    @Option(names = "--events", description = "Master data set the embedded speed layer archives to (embedded default: "
            + "the embedded HDFS's /tradewind/events).")
    String events;

    @Option(names = "--port", description = "HTTP port (default: api.port, 8080).")
    Integer port;

    @Option(names = "--hbase-zookeeper", paramLabel = "HOST:PORT", description = "HBase's ZooKeeper quorum (external stores).")
    String zookeeper;

    @Option(names = "--elasticsearch", paramLabel = "URL", description = "Elasticsearch URL (external stores).")
    String elasticsearch;

    @Option(names = "--work-dir", description = "Where embedded stores keep their files (default: target/serve).")
    Path workDir;

    @Option(names = "--stop-file", hidden = true,
            description = "Stop cleanly when this file appears (./tradewind local down writes it).")
    Path stopFile;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path keys = KeysCommand.defaultFile();
        PlatformConfig platform = withOptions(ConfigFiles.resolve(config, false));
        if (namesStores(platform)) {
            if (ConfigFiles.chosen(config, false) == null && (zookeeper == null || elasticsearch == null || kafka == null)) {
                throw new IllegalArgumentException("with external stores pass --hbase-zookeeper, --elasticsearch and --kafka "
                        + "(or --config FILE)");
            }
            for (var key : List.of(PlatformKeys.HBASE_ZOOKEEPER_QUORUM, PlatformKeys.ELASTICSEARCH_URL,
                    PlatformKeys.KAFKA_BOOTSTRAP_SERVERS)) {
                platform.required(key, "serve on external stores"); // before a key file is written
            }
            // Only an explicit --views publishes at start: API instances starting together must not race to publish.
            List<String> newKeys = ServingSession.ensureKeys(platform.path(PlatformKeys.API_KEYS_FILE).orElse(keys));
            ServingSession session = ServingSession.start(platform, new Configuration(), views, keys,
                    ConfigFiles.runningStack(), new ConsoleProgress(), out);
            session.printHowToUse(newKeys, platform.path(PlatformKeys.API_KEYS_FILE).orElse(keys), List.of(), null, out);
            session.serveUntilStopped(out, session);
            return 0;
        }
        Path work = (workDir != null ? workDir : SharedFiles.home().resolve("target").resolve("serve")).toAbsolutePath().normalize();
        Path hdfsDir = work.resolve("hdfs");
        boolean fresh = !Files.isDirectory(hdfsDir);
        out.println("Starting embedded HDFS (" + (fresh ? "new" : "keeping the data of the last run") + ") ...");
        EmbeddedHdfs hdfs = EmbeddedHdfs.start(hdfsDir.toFile(), fresh);
        EmbeddedServingStores stores = EmbeddedServingStores.start(work.resolve("stores"), out);
        String eventsUri = events != null ? events : hdfs.uri() + "/tradewind/events";
        String viewsUri = views != null ? views : hdfs.uri() + "/tradewind/views";
        StoreEndpoints endpoints = stores.endpoints(hdfs.uri(), viewsUri, eventsUri);
        List<String> newKeys = ServingSession.ensureKeys(keys);
        // The embedded HBase and Elasticsearch start empty: what HDFS kept from the last run is published again.
        String publish = views != null || new ViewStore(viewsUri, hdfs.configuration()).current().isPresent()
                ? viewsUri : null;
        ServingSession session = ServingSession.start(endpoints.applyTo(platform), hdfs.configuration(), publish, keys,
                ConfigFiles.runningStack(), new ConsoleProgress(), out);
        SpeedLayerRunner speed = SpeedLayerRunner.start(endpoints, hdfs.configuration(), out);
        session.printHowToUse(newKeys, keys, List.of(), null, out);
        // The API first, so no event arrives while the speed layer archives the last ones.
        session.serveUntilStopped(out, stopFile, session, () -> speed.stopGracefully(Duration.ofMinutes(2), out),
                stores, hdfs::closeKeepingData);
        return 0;
    }

    /** The configuration with this command's options over it. */
    private PlatformConfig withOptions(PlatformConfig platform) {
        return platform.withOption(PlatformKeys.HBASE_ZOOKEEPER_QUORUM, zookeeper, "--hbase-zookeeper")
                .withOption(PlatformKeys.ELASTICSEARCH_URL, elasticsearch, "--elasticsearch")
                .withOption(PlatformKeys.KAFKA_BOOTSTRAP_SERVERS, kafka, "--kafka")
                .withOption(PlatformKeys.STORAGE_VIEWS, views, "--views")
                .withOption(PlatformKeys.STORAGE_MASTER_DATASET, events, "--events")
                .withOption(PlatformKeys.API_PORT, port == null ? null : port.toString(), "--port");
    }

    private static boolean namesStores(PlatformConfig platform) {
        return platform.isSet(PlatformKeys.HBASE_ZOOKEEPER_QUORUM) || platform.isSet(PlatformKeys.ELASTICSEARCH_URL)
                || platform.isSet(PlatformKeys.KAFKA_BOOTSTRAP_SERVERS);
    }
}
