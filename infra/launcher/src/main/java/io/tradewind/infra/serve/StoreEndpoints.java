package io.tradewind.infra.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;

/**
 * Where the stores are: HBase's ZooKeeper ({@code host:port} and parent znode), the Elasticsearch URL, Kafka's
 * bootstrap servers (the events topic), plus the HDFS the views and the master data set live on. A running {@code serve} or {@code demo} writes them to a file so that
 * {@code publish} and {@code rollback} in another shell find its embedded stores; production passes them as
 * options instead.
 */
public record StoreEndpoints(String zookeeper, String znodeParent, String elasticsearch, String kafka, String hdfs,
                             String viewsUri, String eventsUri, String api) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public StoreEndpoints withApi(String value) {
        return new StoreEndpoints(zookeeper, znodeParent, elasticsearch, kafka, hdfs, viewsUri, eventsUri, value);
    }

    /** HBase client configuration for these endpoints. */
    public Configuration hbaseConfiguration() {
        Configuration conf = HBaseConfiguration.create();
        int colon = zookeeper.lastIndexOf(':');
        if (colon < 0) {
            conf.set(HConstants.ZOOKEEPER_QUORUM, zookeeper);
        } else {
            conf.set(HConstants.ZOOKEEPER_QUORUM, zookeeper.substring(0, colon));
            conf.set(HConstants.ZOOKEEPER_CLIENT_PORT, zookeeper.substring(colon + 1));
        }
        if (znodeParent != null) {
            conf.set(HConstants.ZOOKEEPER_ZNODE_PARENT, znodeParent);
        }
        return conf;
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static StoreEndpoints read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("no running Tradewind stores found (" + file + " is missing): start './tradewind serve' "
                    + "or './tradewind demo' in another shell, or pass --hbase-zookeeper and --elasticsearch");
        }
        return JSON.readValue(file.toFile(), StoreEndpoints.class);
    }
}
