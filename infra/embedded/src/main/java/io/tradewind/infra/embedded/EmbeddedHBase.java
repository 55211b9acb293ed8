package io.tradewind.infra.embedded;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.testing.TestingHBaseCluster;
import org.apache.hadoop.hbase.testing.TestingHBaseClusterOption;

/**
 * A real HBase in this JVM: one HMaster, one RegionServer, a ZooKeeper server and its own single-node HDFS
 * (MiniDFSCluster), all on 127.0.0.1, started from HBase's testing artifacts.
 *
 * <p>Clients connect the normal way: {@code ConnectionFactory.createConnection(hbase.configuration())}.
 *
 * <p>{@link #stop()} takes the master and region server down while ZooKeeper and HDFS keep running, so the tables
 * survive and {@link #restart()} brings the same data back: a client that keeps its connection sees HBase go away
 * and come back. The data lives only as long as this object: {@link #close()} shuts everything down and deletes it.
 */
public final class EmbeddedHBase implements AutoCloseable {
    /** HBaseTestingUtility places its ZooKeeper, HDFS and HBase folders under this system property. */
    private static final String BASE_TEST_DIRECTORY_KEY = "test.build.data.basedirectory";

    private final TestingHBaseCluster cluster;
    private final File baseDir;
    private final Properties systemBefore;

    private EmbeddedHBase(TestingHBaseCluster cluster, File baseDir, Properties systemBefore) {
        this.cluster = cluster;
        this.baseDir = baseDir;
        this.systemBefore = systemBefore;
    }

    /** Starts ZooKeeper, HDFS and HBase with their files under {@code baseDir} (a fresh cluster every time). */
    public static EmbeddedHBase start(File baseDir) throws IOException {
        requireResolvableHostName();
        Configuration conf = HBaseConfiguration.create();
        // Bind every server to loopback; no web UIs.
        conf.set("hbase.master.ipc.address", "127.0.0.1");
        conf.set("hbase.regionserver.ipc.address", "127.0.0.1");
        conf.setInt(HConstants.MASTER_INFO_PORT, -1);
        conf.setInt(HConstants.REGIONSERVER_INFO_PORT, -1);
        conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        conf.setBoolean("dfs.permissions.enabled", false);
        // Two cores shared with everything else: fewer idle handler threads than a production region server.
        conf.setInt(HConstants.REGION_SERVER_HANDLER_COUNT, 10);
        conf.setInt("hbase.master.handler.count", 10);

        TestingHBaseClusterOption option = TestingHBaseClusterOption.builder()
                .conf(conf)
                .numMasters(1)
                .numRegionServers(1)
                .numDataNodes(1)
                .build();
        // The testing utility picks its folders as soon as it is created, so creation is under baseDir too.
        TestingHBaseCluster[] cluster = new TestingHBaseCluster[1];
        Properties systemBefore = (Properties) System.getProperties().clone();
        underBaseDir(baseDir, () -> {
            cluster[0] = TestingHBaseCluster.create(option);
            cluster[0].start();
        }, "HBase did not start under " + baseDir);
        return new EmbeddedHBase(cluster[0], baseDir, systemBefore);
    }

    /** HDFS and HBase look this host's name up; without an entry they fail deep inside with UnknownHostException. */
    private static void requireResolvableHostName() throws IOException {
        try {
            InetAddress.getLocalHost();
        } catch (UnknownHostException e) {
            throw new IOException("this host's name does not resolve, which HDFS and HBase need; add it to /etc/hosts, "
                    + "e.g. echo \"127.0.0.1 $(hostname)\" >> /etc/hosts", e);
        }
    }

    /**
     * A fresh client configuration (ZooKeeper quorum, port and parent znode), for
     * {@code ConnectionFactory.createConnection}; callers may change their copy, e.g. retry settings.
     */
    public Configuration configuration() {
        Configuration conf = HBaseConfiguration.create();
        Configuration server = cluster.getConf();
        for (String key : new String[] {HConstants.ZOOKEEPER_QUORUM, HConstants.ZOOKEEPER_CLIENT_PORT,
                HConstants.ZOOKEEPER_ZNODE_PARENT}) {
            String value = server.get(key);
            if (value != null) {
                conf.set(key, value);
            }
        }
        return conf;
    }

    /** ZooKeeper address a client needs, such as {@code 127.0.0.1:21818}. */
    public String zookeeperQuorum() {
        Configuration server = cluster.getConf();
        return server.get(HConstants.ZOOKEEPER_QUORUM) + ":" + server.get(HConstants.ZOOKEEPER_CLIENT_PORT);
    }

    /** True while the master and region server run (false after {@link #stop()}). */
    public boolean isRunning() {
        return cluster.isHBaseClusterRunning();
    }

    /**
     * Stops the master and region server; ZooKeeper and HDFS keep running and the data stays. Clients then fail
     * (after their retries) until {@link #restart()}.
     */
    public void stop() throws IOException {
        if (!cluster.isHBaseClusterRunning()) {
            return;
        }
        underBaseDir(baseDir, cluster::stopHBaseCluster, "HBase did not stop");
    }

    /** Starts the master and region server again on the same data (stopping them first if they run). */
    public void restart() throws IOException {
        stop();
        underBaseDir(baseDir, cluster::startHBaseCluster, "HBase did not start again");
    }

    /** Shuts HBase, HDFS and ZooKeeper down and deletes their files. */
    @Override
    public void close() throws IOException {
        try {
            if (!cluster.isClusterRunning()) {
                return;
            }
            underBaseDir(baseDir, cluster::stop, "HBase did not shut down cleanly");
        } finally {
            restoreSystemProperties();
        }
    }

    /**
     * The testing utility points system properties such as {@code hadoop.tmp.dir} into our folder, which is deleted
     * after us; a later HDFS in the same JVM would put its web server's temp folder there and fail to start.
     */
    private void restoreSystemProperties() {
        for (String key : System.getProperties().stringPropertyNames()) {
            if (!systemBefore.containsKey(key)) {
                System.clearProperty(key);
            }
        }
        systemBefore.stringPropertyNames().forEach(key -> System.setProperty(key, systemBefore.getProperty(key)));
    }

    /**
     * Runs a cluster operation with the testing utility's base folder pointing at ours (it reads a system property,
     * and falls back to ./target/test-data of whatever the working folder is).
     */
    private static synchronized void underBaseDir(File baseDir, ClusterAction action, String failure)
            throws IOException {
        String previous = System.getProperty(BASE_TEST_DIRECTORY_KEY);
        System.setProperty(BASE_TEST_DIRECTORY_KEY, baseDir.getAbsolutePath());
        try {
            action.run();
        } catch (Exception e) {
            throw new IOException(failure, e);
        } finally {
            if (previous == null) {
                System.clearProperty(BASE_TEST_DIRECTORY_KEY);
            } else {
                System.setProperty(BASE_TEST_DIRECTORY_KEY, previous);
            }
        }
    }

    private interface ClusterAction {
        void run() throws Exception;
    }
}
