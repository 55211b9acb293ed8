package io.tradewind.infra.embedded;

import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real single-node HDFS (one NameNode, one DataNode) on 127.0.0.1, for the embedded default and tests.
 * Its blocks live under a local folder, so a second run on the same folder finds the same data.
 */
public final class EmbeddedHdfs implements AutoCloseable {
    private final MiniDFSCluster cluster;

    private EmbeddedHdfs(MiniDFSCluster cluster) {
        this.cluster = cluster;
    }

    /** Starts HDFS with its storage under {@code baseDir}; {@code format} false keeps data of an earlier run. */
    public static EmbeddedHdfs start(File baseDir, boolean format) throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.getAbsolutePath());
        conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        conf.setBoolean("dfs.permissions.enabled", false);
        // The client waits ~400 ms per closed file for the block report by default; one small file per day
        // of events made a year's import take minutes. A single local DataNode answers in milliseconds.
        conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 20);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf)
                .numDataNodes(1)
                .format(format)
                .manageNameDfsDirs(true)
                .manageDataDfsDirs(true)
                .build();
        cluster.waitActive();
        return new EmbeddedHdfs(cluster);
    }

    /** Base URI such as {@code hdfs://127.0.0.1:34567}. */
    public String uri() {
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    }

    public Configuration configuration() {
        return cluster.getConfiguration(0);
    }

    /** Stops HDFS; its folder is deleted when this JVM exits (MiniDFSCluster's way, right for tests). */
    @Override
    public void close() {
        cluster.shutdown();
    }

    /**
     * Stops HDFS and keeps its folder, so a later {@code start(baseDir, false)} serves the same files: the DataNode
     * first, then the NameNode, which writes its edit log out as it stops. ({@link #close()} would have the JVM
     * delete the folder on exit.)
     */
    public void closeKeepingData() {
        cluster.shutdownDataNodes();
        cluster.shutdownNameNodes();
    }
}
