package io.tradewind.infra.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One real HBase for the whole class: table round trip, prefix scan, then stop and restart on the same data. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedHBaseTest {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHBaseTest.class);
    private static final TableName TABLE = TableName.valueOf("realtime_views");
    private static final byte[] FAMILY = Bytes.toBytes("v");
    private static final byte[] SCORE = Bytes.toBytes("score");

    @TempDir
    static File baseDir;

    private static EmbeddedHBase hbase;
    private static Connection connection;

    @BeforeAll
    static void startHBase() throws IOException {
        long started = System.nanoTime();
        hbase = EmbeddedHBase.start(baseDir);
        LOG.info("HBase started in {} ms; this JVM: {} CPU s so far, heap used {} MiB, resident {} MiB",
                (System.nanoTime() - started) / 1_000_000,
                ProcessHandle.current().info().totalCpuDuration().map(Duration::toSeconds).orElse(-1L),
                usedHeapMiB(), residentMiB());
        Configuration conf = hbase.configuration();
        // Fail fast while HBase is down instead of the default minutes of retries.
        conf.setInt("hbase.client.retries.number", 3);
        conf.setLong("hbase.client.pause", 200);
        conf.setInt("hbase.rpc.timeout", 2_000);
        conf.setInt("hbase.client.operation.timeout", 6_000);
        conf.setInt("zookeeper.recovery.retry", 1);
        connection = ConnectionFactory.createConnection(conf);
        try (Admin admin = connection.getAdmin()) {
            admin.createTable(TableDescriptorBuilder.newBuilder(TABLE)
                    .setColumnFamily(ColumnFamilyDescriptorBuilder.of(FAMILY))
                    .build());
        }
    }

    @AfterAll
    static void stopHBase() throws IOException {
        if (connection != null) {
            connection.close();
        }
        if (hbase != null) {
            hbase.close();
        }
    }

    @Test
    @Order(1)
    void putThenGetReturnsTheRow() throws IOException {
        try (Table table = connection.getTable(TABLE)) {
            table.put(put("user-1#item-7", 0.75));
            Result result = table.get(new Get(Bytes.toBytes("user-1#item-7")));
            assertEquals(0.75, Bytes.toDouble(result.getValue(FAMILY, SCORE)));
        }
    }

    @Test
    @Order(2)
    void scanByPrefixReturnsOnlyThatUsersRowsInKeyOrder() throws IOException {
        try (Table table = connection.getTable(TABLE)) {
            table.put(List.of(put("user-2#item-1", 0.1), put("user-2#item-3", 0.3), put("user-20#item-9", 0.9),
                    put("user-3#item-1", 0.5)));
            List<String> keys = new ArrayList<>();
            try (ResultScanner scanner = table.getScanner(new Scan().setRowPrefixFilter(Bytes.toBytes("user-2#")))) {
                for (Result r : scanner) {
                    keys.add(Bytes.toString(r.getRow()));
                }
            }
            assertEquals(List.of("user-2#item-1", "user-2#item-3"), keys);
        }
    }

    @Test
    @Order(3)
    void clientFailsWhileStoppedAndTheSameConnectionRecoversAfterRestart() throws IOException {
        try (Table table = connection.getTable(TABLE)) {
            table.put(put("user-9#item-1", 0.9));
        }
        long stopping = System.nanoTime();
        hbase.stop();
        LOG.info("HBase stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
        assertFalse(hbase.isRunning());

        long failing = System.nanoTime();
        try (Table table = connection.getTable(TABLE)) {
            assertThrows(IOException.class, () -> table.get(new Get(Bytes.toBytes("user-9#item-1"))));
        }
        LOG.info("a get failed after {} ms while HBase was down", (System.nanoTime() - failing) / 1_000_000);

        long restarting = System.nanoTime();
        hbase.restart();
        LOG.info("HBase restarted in {} ms", (System.nanoTime() - restarting) / 1_000_000);
        assertTrue(hbase.isRunning());

        try (Table table = connection.getTable(TABLE)) {
            Result result = table.get(new Get(Bytes.toBytes("user-9#item-1")));
            assertEquals(0.9, Bytes.toDouble(result.getValue(FAMILY, SCORE)));
            table.put(put("user-9#item-2", 0.2));
            assertEquals(0.2, Bytes.toDouble(table.get(new Get(Bytes.toBytes("user-9#item-2")))
                    .getValue(FAMILY, SCORE)));
        }
    }

    private static Put put(String row, double score) {
        return new Put(Bytes.toBytes(row)).addColumn(FAMILY, SCORE, Bytes.toBytes(score));
    }

    private static long residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static long usedHeapMiB() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }
}
