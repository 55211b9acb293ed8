package io.tradewind.infra.serve;

import io.tradewind.batch.ingest.EventImporter;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The family shop ({@link EventWalkTest#familyShop()}) on the real embedded platform, as the walk-through tests need it:
 * HDFS with the shop imported and retrained, HBase, Kafka and Elasticsearch, the API on a free port with one shop key,
 * and the speed layer beside it.
 */
final class ShopStack implements AutoCloseable {
    /** How a test retrains the imported shop: in process, or through the command line. */
    interface Retrain {
        void run(String events, String views, EmbeddedHdfs hdfs) throws Exception;
    }

    final Path dir;
    /**
     * A {@code tradewind.home} in which this stack sits as a running demo does: its key file in
     * {@code target/demo/}, the configuration for other shells' commands in {@code target/serving/}.
     */
    final Path home;
    final Path runningStackFile;
    final EmbeddedHdfs hdfs;
    final EmbeddedServingStores stores;
    final StoreEndpoints endpoints;
    final ServingSession session;
    final SpeedLayerRunner speed;
    final String shopKey;

    private ShopStack(Path dir, EmbeddedHdfs hdfs, EmbeddedServingStores stores, StoreEndpoints endpoints,
                      ServingSession session, SpeedLayerRunner speed, String shopKey) {
        this.dir = dir;
        this.home = dir.resolve("home");
        this.runningStackFile = runningStackFile(home);
        this.hdfs = hdfs;
        this.stores = stores;
        this.endpoints = endpoints;
        this.session = session;
        this.speed = speed;
        this.shopKey = shopKey;
    }

    /** @param speedOutput where the speed layer's start-up lines go */
    static ShopStack start(String name, Retrain retrain, PrintStream speedOutput) throws Exception {
        // Elasticsearch runs as another user here (it refuses root): the folder must be traversable.
        Path dir = Files.createTempDirectory(name, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        EmbeddedHdfs hdfs = EmbeddedHdfs.start(dir.resolve("hdfs").toFile(), true);
        EmbeddedServingStores stores = null;
        ServingSession session = null;
        try {
            String events = hdfs.uri() + "/tradewind/events";
            String views = hdfs.uri() + "/tradewind/views";
            Path csv = dir.resolve("shop.csv");
            Files.writeString(csv, EventWalkTest.familyShop());
            new EventImporter(hdfs.configuration()).run("online-retail", csv.toString(), events, ProgressListener.NONE);
            retrain.run(events, views, hdfs);
            stores = EmbeddedServingStores.start(dir.resolve("stores"), quiet);
            StoreEndpoints endpoints = stores.endpoints(hdfs.uri(), views, events);
            Path keys = Files.createDirectories(dir.resolve("home/target/demo")).resolve("api-keys.json");
            Path running = runningStackFile(dir.resolve("home"));
            Files.createDirectories(running.getParent());
            String shopKey = ServingSession.ensureKeys(keys).get(0);
            session = ServingSession.start(endpoints.toConfig().with(PlatformKeys.API_PORT, "0", "test")
                            .with(PlatformKeys.API_KEYS_FILE, keys.toString(), "as the demo"),
                    hdfs.configuration(), views, keys, running, ProgressListener.NONE, quiet);
            SpeedLayerRunner speed = SpeedLayerRunner.start(endpoints, hdfs.configuration(), speedOutput);
            return new ShopStack(dir, hdfs, stores, endpoints, session, speed, shopKey);
        } catch (Exception | Error e) {
            for (AutoCloseable c : new AutoCloseable[] {session, stores, hdfs}) {
                if (c != null) {
                    c.close();
                }
            }
            throw e;
        }
    }

    /** Where the commands look for a running stack's configuration under {@code tradewind.home}. */
    private static Path runningStackFile(Path home) {
        return home.resolve("target").resolve("serving").resolve("tradewind.properties");
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {speed, session, stores, hdfs}) {
            c.close();
        }
    }
}
