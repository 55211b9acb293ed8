package io.tradewind.infra.cli;

import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.infra.serve.EmbeddedServingStores;
import io.tradewind.infra.serve.ServingSession;
import io.tradewind.infra.serve.SpeedLayerRunner;
import io.tradewind.infra.serve.StoreEndpoints;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the HTTP API and page. With --hbase-zookeeper, --elasticsearch and --kafka it uses those stores; "
                + "without, it starts HDFS, HBase, Kafka, Elasticsearch and the speed layer embedded on this machine.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--views", description = "Publish the version this batch-views root's CURRENT names before serving.")
    String views;

    @Option(names = "--kafka", paramLabel = "HOST:PORT,...", description = "Kafka bootstrap servers of the events topic "
            + "that POST /v1/events produces to (external stores; the speed layer runs on your Flink cluster).")
    String kafka;

    @Option(names = "--events", description = "Master data set the embedded speed layer archives to (embedded default: "
            + "the embedded HDFS's /tradewind/events).")
    String events;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--hbase-zookeeper", paramLabel = "HOST:PORT", description = "HBase's ZooKeeper quorum (external stores).")
    String zookeeper;

    @Option(names = "--elasticsearch", paramLabel = "URL", description = "Elasticsearch URL (external stores).")
    String elasticsearch;

    @Option(names = "--work-dir", description = "Where embedded stores keep their files (default: target/serve).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path keys = KeysCommand.defaultFile();
        if (zookeeper != null || elasticsearch != null || kafka != null) {
            if (zookeeper == null || elasticsearch == null || kafka == null) {
                throw new IllegalArgumentException("with external stores pass --hbase-zookeeper, --elasticsearch and --kafka");
            }
            StoreEndpoints stores = new StoreEndpoints(zookeeper, null, elasticsearch, kafka, null, views, events, null);
            List<String> newKeys = ServingSession.ensureKeys(keys);
            ServingSession session = ServingSession.start(stores, new Configuration(), views, port, keys,
                    StoreOptions.endpointsFile(), new ConsoleProgress(), out);
            session.printHowToUse(newKeys, keys, List.of(), null, out);
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
        StoreEndpoints endpoints = stores.endpoints(hdfs.uri(), viewsUri, eventsUri, null);
        List<String> newKeys = ServingSession.ensureKeys(keys);
        ServingSession session = ServingSession.start(endpoints, hdfs.configuration(), views, port, keys,
                StoreOptions.endpointsFile(), new ConsoleProgress(), out);
        SpeedLayerRunner speed = SpeedLayerRunner.start(endpoints, hdfs.configuration(), out);
        session.printHowToUse(newKeys, keys, List.of(), null, out);
        session.serveUntilStopped(out, speed, session, stores, hdfs);
        return 0;
    }
}
