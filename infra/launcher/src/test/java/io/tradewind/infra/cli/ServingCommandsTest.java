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
        assertFalse(Files.exists(ConfigFiles.runningStack()), "a test must not find a running serve's configuration");
        CommandLineErrorsTest.Outcome o = CommandLineErrorsTest.run("rollback");
        assertEquals(1, o.exitCode());
        assertTrue(o.err().contains("./tradewind serve") && o.err().contains("--config FILE")
                && o.err().contains("--hbase-zookeeper"), o.err());
    }

    @Test
    void aMistypedConfigurationKeyIsNamedWithTheFileBeforeAnyStoreIsTouched() throws Exception {
        Path config = Files.writeString(dir.resolve("tradewind.properties"),
                "hbase.zookeper-quorum=127.0.0.1:2181\nelasticsearch.url=http://127.0.0.1:9200\n");
        CommandLineErrorsTest.Outcome o = CommandLineErrorsTest.run("publish", "--config", config.toString());
        assertEquals(1, o.exitCode());
        assertEquals("error: unknown configuration key 'hbase.zookeper-quorum' in " + config
                + ", did you mean 'hbase.zookeeper-quorum'? (docs/configuration.md lists every key)", o.err().strip());
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithItsKeyAndFile() throws Exception {
        Path config = Files.writeString(dir.resolve("tradewind.properties"), "hbase.zookeeper-quorum=zk1\n");
        CommandLineErrorsTest.Outcome o = CommandLineErrorsTest.run("rollback", "--config", config.toString());
        assertEquals(1, o.exitCode());
        assertTrue(o.err().contains("hbase.zookeeper-quorum (" + config + ") takes HOST:PORT"), o.err());
    }

    @Test
    void serveOnAConfigurationWithoutKafkaSaysWhichKeyIsMissing() throws Exception {
        Path keys = dir.resolve("keys.json");
        Path config = Files.writeString(dir.resolve("tradewind.properties"), "hbase.zookeeper-quorum=127.0.0.1:2181\n"
                + "elasticsearch.url=http://127.0.0.1:9200\napi.keys-file=" + keys + "\n");
        CommandLineErrorsTest.Outcome o = CommandLineErrorsTest.run("serve", "--config", config.toString());
        assertEquals(1, o.exitCode());
        assertTrue(o.err().contains("kafka.bootstrap-servers is not set: serve on external stores needs it"), o.err());
        assertFalse(Files.exists(keys), "nothing is written before the configuration is complete");
    }

    @Test
    void keysWritesToTheKeyFileTheConfigurationNames() throws Exception {
        Path keys = dir.resolve("stack-keys.json");
        Path config = Files.writeString(dir.resolve("tradewind.properties"), "api.keys-file=" + keys + "\n");
        CommandLineErrorsTest.Outcome o = CommandLineErrorsTest.run("keys", "--name", "shop-2", "--role", "shop",
                "--config", config.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(Files.readString(keys).contains("shop-2"));
        assertTrue(o.err().contains("added to " + keys), o.err());
    }

    @Test
    void serveOnExternalStoresNeedsTheEventStream() {
        CommandLineErrorsTest.Outcome o = CommandLineErrorsTest.run("serve", "--hbase-zookeeper", "127.0.0.1:2181",
                "--elasticsearch", "http://127.0.0.1:9200");
        assertEquals(1, o.exitCode());
        assertTrue(o.err().contains("--hbase-zookeeper, --elasticsearch and --kafka"), o.err());
    }
}
