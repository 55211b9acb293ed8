package io.tradewind.infra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serving commands' answers to a wrong or incomplete command line, before any store is touched. */
class ServingCommandsTest {
    @TempDir
    Path dir;

    @Test
    void keysPrintsTheKeyOnceAndStoresOnlyItsHash() throws Exception {
        Path file = dir.resolve("keys.json");
        CommandLineErrorsTest.Outcome o = CommandLineErrorsTest.run("keys", "--name", "shop-1", "--role", "shop",
                "--file", file.toString());
        assertEquals(0, o.exitCode(), o.err());
        String key = o.out().trim();
        assertTrue(key.startsWith("tw_shop_"), o.out());
        String stored = Files.readString(file);
        assertTrue(stored.contains("shop-1") && !stored.contains(key), stored);
    }

    @Test
    void anUnknownRoleIsAUsageError() {
        CommandLineErrorsTest.Outcome o = CommandLineErrorsTest.run("keys", "--name", "x", "--role", "boss",
                "--file", dir.resolve("keys.json").toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("SHOP") && o.err().contains("ADMIN"), o.err());
    }

    @Test
    void publishWithOneStoreNamedAsksForBoth() {
        CommandLineErrorsTest.Outcome o = CommandLineErrorsTest.run("publish", "--views", "file:///nowhere",
                "--hbase-zookeeper", "127.0.0.1:2181");
        assertEquals(1, o.exitCode());
        assertTrue(o.err().contains("--hbase-zookeeper and --elasticsearch"), o.err());
    }

    @Test
    void rollbackWithoutStoresSaysHowToFindThem() {
        assertFalse(Files.exists(StoreOptions.endpointsFile()), "a test must not find a running serve's endpoints");
        CommandLineErrorsTest.Outcome o = CommandLineErrorsTest.run("rollback");
        assertEquals(1, o.exitCode());
        assertTrue(o.err().contains("./tradewind serve") && o.err().contains("--hbase-zookeeper"), o.err());
    }

    @Test
    void serveOnExternalStoresNeedsTheEventStream() {
        CommandLineErrorsTest.Outcome o = CommandLineErrorsTest.run("serve", "--hbase-zookeeper", "127.0.0.1:2181",
                "--elasticsearch", "http://127.0.0.1:9200");
        assertEquals(1, o.exitCode());
        assertTrue(o.err().contains("--hbase-zookeeper, --elasticsearch and --kafka"), o.err());
    }
}
