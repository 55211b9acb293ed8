package io.tradewind.serving;

import io.tradewind.infra.embedded.EmbeddedElasticsearch;
import io.tradewind.infra.embedded.EmbeddedHBase;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.infra.embedded.EmbeddedKafka;
import io.tradewind.serving.events.EventIntake;
import io.tradewind.serving.api.auth.ApiKeyStore;
import io.tradewind.serving.api.auth.Role;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole serving layer on real components, started once for every API test class of the run: HDFS (views),
 * Kafka (the events topic), HBase (the module's {@link SharedHBase}), Elasticsearch, the test views published, the API on a free port, one admin and one
 * shop key. Test classes that stop a store restart it before they end. Use as
 * {@code @ExtendWith({SharedHBase.class, ServingStack.class})}: HBase is the module's shared one.
 */
public final class ServingStack implements BeforeAllCallback {
    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(ServingStack.class, k -> start(), Running.class);
    }

    public static Running running() {
        return running;
    }

    private static synchronized Running start() {
        try {
            // Elasticsearch runs as another user here (it refuses root): the folder must be traversable.
            Path dir = Files.createTempDirectory("tradewind-serving-api",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            EmbeddedHdfs hdfs = EmbeddedHdfs.start(dir.resolve("hdfs").toFile(), true);
            EmbeddedElasticsearch es = EmbeddedElasticsearch.start(dir.resolve("es").toFile());
            EmbeddedHBase hbase = SharedHBase.hbase();
            String views = hdfs.uri() + "/tradewind/views";
            EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka").toFile());
            kafka.createTopic(EventIntake.DEFAULT_TOPIC, 2);
            ServingTestViews.write(views, "v1", hdfs.configuration());
            ApiKeyStore keys = ApiKeyStore.open(dir.resolve("api-keys.json"));
            String adminKey = keys.create("test-admin", Role.ADMIN);
            String shopKey = keys.create("test-shop", Role.SHOP);
            ServingConfig config = ServingConfig.of(hbase.configuration(), hdfs.configuration(), es.uri(),
                            EventIntake.of(kafka.bootstrapServers()).withAckTimeout(java.time.Duration.ofSeconds(3)),
                            dir.resolve("api-keys.json"))
                    .withPort(0)
                    .withHBaseSettings(HBaseStoreSettings.defaults().withNamespace("api").withRegionsPerTable(2));
            ServingLayer layer = ServingLayer.open(config, ProgressListener.NONE);
            layer.publisher().publish(views, Optional.empty());
            int port = layer.startApi().port();
            running = new Running(dir, hdfs, hbase, es, kafka, layer, views, "http://127.0.0.1:" + port, adminKey, shopKey);
            return running;
        } catch (IOException e) {
            throw new IllegalStateException("the serving stack did not start: " + e.getMessage(), e);
        }
    }

    /** The running stack and what tests need to call it. */
    public record Running(Path dir, EmbeddedHdfs hdfs, EmbeddedHBase hbase, EmbeddedElasticsearch elasticsearch,
                          EmbeddedKafka kafka, ServingLayer layer, String viewsUri, String baseUrl, String adminKey,
                          String shopKey) implements ExtensionContext.Store.CloseableResource {
        /** The events topic as the API is configured with it. */
        public EventIntake events() {
            return EventIntake.of(kafka.bootstrapServers()).withAckTimeout(java.time.Duration.ofSeconds(3));
        }

        @Override
        public void close() throws IOException {
            layer.close();
            elasticsearch.close();
            kafka.close();
            hdfs.close(); // HBase belongs to SharedHBase, which closes it
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
