package io.tradewind.infra.serve;

import io.tradewind.infra.embedded.EmbeddedElasticsearch;
import io.tradewind.infra.embedded.EmbeddedHBase;
import io.tradewind.infra.embedded.EmbeddedKafka;
import io.tradewind.speed.SpeedLayerSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.hbase.HConstants;

/**
 * The stores the serving and speed layers share, started on this machine: a real HBase and a real Kafka broker
 * (KRaft, both in this JVM) and a real Elasticsearch (child process). Their data lives as long as the process: the
 * demo publishes into them after each start.
 */
public final class EmbeddedServingStores implements AutoCloseable {
    /** Partitions of the events topic: the speed layer's parallelism on this machine. */
    static final int EVENT_PARTITIONS = 2;

    private final EmbeddedHBase hbase;
    private final EmbeddedElasticsearch elasticsearch;
    private final EmbeddedKafka kafka;

    private EmbeddedServingStores(EmbeddedHBase hbase, EmbeddedElasticsearch elasticsearch, EmbeddedKafka kafka) {
        this.hbase = hbase;
        this.elasticsearch = elasticsearch;
        this.kafka = kafka;
    }

    public static EmbeddedServingStores start(Path workDir, PrintStream out) throws IOException {
        Files.createDirectories(workDir);
        // Elasticsearch runs as an unprivileged user when this JVM is root: it must be able to enter the folder.
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        out.println("Starting Elasticsearch (real server, child process on 127.0.0.1) ...");
        EmbeddedElasticsearch es = EmbeddedElasticsearch.start(workDir.resolve("elasticsearch").toFile());
        out.println("Elasticsearch at " + es.uri());
        out.println("Starting HBase (real master + region server in this JVM) ...");
        EmbeddedKafka kafka = null;
        try {
            EmbeddedHBase hbase = EmbeddedHBase.start(workDir.resolve("hbase").toFile());
            out.println("HBase at ZooKeeper " + hbase.zookeeperQuorum());
            out.println("Starting Kafka (real KRaft broker in this JVM) ...");
            kafka = EmbeddedKafka.start(workDir.resolve("kafka").toFile());
            kafka.createTopic(SpeedLayerSettings.DEFAULT_EVENTS_TOPIC, EVENT_PARTITIONS);
            kafka.createTopic(SpeedLayerSettings.DEFAULT_DEAD_LETTER_TOPIC, 1);
            out.println("Kafka at " + kafka.bootstrapServers() + " (topics " + SpeedLayerSettings.DEFAULT_EVENTS_TOPIC
                    + ", " + SpeedLayerSettings.DEFAULT_DEAD_LETTER_TOPIC + ")");
            return new EmbeddedServingStores(hbase, es, kafka);
        } catch (IOException | RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            es.close();
            throw e;
        }
    }

    public EmbeddedHBase hbase() {
        return hbase;
    }

    public EmbeddedElasticsearch elasticsearch() {
        return elasticsearch;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** Endpoints of these stores, with the HDFS, views and events locations the caller uses. */
    public StoreEndpoints endpoints(String hdfs, String views, String events) {
        return new StoreEndpoints(hbase.zookeeperQuorum(), hbase.configuration().get(HConstants.ZOOKEEPER_ZNODE_PARENT),
                elasticsearch.uri(), kafka.bootstrapServers(), hdfs, views, events);
    }

    @Override
    public void close() throws IOException {
        try {
            kafka.close();
            hbase.close();
        } finally {
            elasticsearch.close();
        }
    }
}
