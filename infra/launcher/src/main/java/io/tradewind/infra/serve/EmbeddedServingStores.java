package io.tradewind.infra.serve;

import io.tradewind.infra.embedded.EmbeddedElasticsearch;
import io.tradewind.infra.embedded.EmbeddedHBase;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.hbase.HConstants;

/**
 * The serving layer's stores started on this machine: a real HBase (in this JVM) and a real Elasticsearch (child
 * process). Their data lives as long as the process: the demo publishes into them after each start.
 */
public final class EmbeddedServingStores implements AutoCloseable {
    private final EmbeddedHBase hbase;
    private final EmbeddedElasticsearch elasticsearch;

    private EmbeddedServingStores(EmbeddedHBase hbase, EmbeddedElasticsearch elasticsearch) {
        this.hbase = hbase;
        this.elasticsearch = elasticsearch;
    }

    public static EmbeddedServingStores start(Path workDir, PrintStream out) throws IOException {
        Files.createDirectories(workDir);
        // Elasticsearch runs as an unprivileged user when this JVM is root: it must be able to enter the folder.
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        out.println("Starting Elasticsearch (real server, child process on 127.0.0.1) ...");
        EmbeddedElasticsearch es = EmbeddedElasticsearch.start(workDir.resolve("elasticsearch").toFile());
        out.println("Elasticsearch at " + es.uri());
        out.println("Starting HBase (real master + region server in this JVM) ...");
        try {
            EmbeddedHBase hbase = EmbeddedHBase.start(workDir.resolve("hbase").toFile());
            out.println("HBase at ZooKeeper " + hbase.zookeeperQuorum());
            return new EmbeddedServingStores(hbase, es);
        } catch (IOException | RuntimeException e) {
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

    /** Endpoints of these stores, with the HDFS, views, events and API locations the caller uses. */
    public StoreEndpoints endpoints(String hdfs, String views, String events, String api) {
        return new StoreEndpoints(hbase.zookeeperQuorum(), hbase.configuration().get(HConstants.ZOOKEEPER_ZNODE_PARENT),
                elasticsearch.uri(), hdfs, views, events, api);
    }

    @Override
    public void close() throws IOException {
        try {
            hbase.close();
        } finally {
            elasticsearch.close();
        }
    }
}
