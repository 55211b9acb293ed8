package io.tradewind.serving;

import io.tradewind.infra.embedded.EmbeddedHBase;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real HBase for every test class of the module (it takes 15-30 s to start on two busy cores), shut down
 * when the test run ends. Classes isolate themselves with their own namespace ({@link #freshSettings}).
 */
public final class SharedHBase implements BeforeAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(SharedHBase.class);
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedHBase.class, k -> start(), Running.class);
    }

    public static EmbeddedHBase hbase() {
        return running.hbase;
    }

    /** Client configuration of the running HBase (a fresh copy). */
    public static Configuration configuration() {
        return running.hbase.configuration();
    }

    /** A patient connection for loads, registry changes and real-time writes, shared by the tests. */
    public static Connection loadingConnection() {
        return running.loading;
    }

    /** Settings with a namespace no other test uses; one region per table unless a test needs the pre-split. */
    public static HBaseStoreSettings freshSettings() {
        return HBaseStoreSettings.defaults().withNamespace("t" + NAMESPACES.incrementAndGet()).withRegionsPerTable(1);
    }

    private static synchronized Running start() {
        if (running != null) {
            return running;
        }
        try {
            Path dir = Files.createTempDirectory("tradewind-serving-hbase");
            long started = System.nanoTime();
            EmbeddedHBase hbase = EmbeddedHBase.start(dir.toFile());
            LOG.info("embedded HBase started in {} ms", (System.nanoTime() - started) / 1_000_000);
            Connection loading = ConnectionFactory.createConnection(
                    HBaseStoreSettings.defaults().loadingConfiguration(hbase.configuration()));
            running = new Running(hbase, loading, dir);
            return running;
        } catch (IOException e) {
            throw new IllegalStateException("embedded HBase did not start", e);
        }
    }

    private record Running(EmbeddedHBase hbase, Connection loading, Path dir)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            loading.close();
            hbase.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
