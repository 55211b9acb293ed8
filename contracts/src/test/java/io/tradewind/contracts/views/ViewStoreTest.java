package io.tradewind.contracts.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewStoreTest {
    @TempDir
    Path dir;

    @Test
    void publishSwitchesCurrentOnlyToCompleteVersionsAndKeepsOldOnes() throws IOException {
        ViewStore store = new ViewStore(dir.toUri().toString(), new Configuration());
        assertEquals(Optional.empty(), store.current());

        ViewStore.VersionWriter v1 = store.newVersion("v1");
        assertEquals(2, v1.writeJsonLines("rows.jsonl", List.of(Map.of("a", 1), Map.of("a", 2))));
        v1.writeJson(ViewStore.MANIFEST, Map.of("version", "v1"));
        assertEquals(List.of(), store.versions(), "nothing is visible before complete()");
        v1.complete();
        store.publish("v1");
        assertEquals(Optional.of("v1"), store.current());

        ViewStore.VersionWriter v2 = store.newVersion("v2");
        v2.writeJsonLines("rows.jsonl", List.of(Map.of("a", 3)));
        IOException incomplete = assertThrows(IOException.class, v2::complete);
        assertTrue(incomplete.getMessage().contains("incomplete"), incomplete.getMessage());
        assertThrows(IOException.class, () -> store.publish("v2"));
        assertEquals(Optional.of("v1"), store.current(), "a failed publish leaves CURRENT alone");
        assertEquals(List.of("v1"), store.versions(), "versions without a manifest are not listed");
        v2.abandon();
        assertTrue(Files.notExists(dir.resolve("_incomplete/v2")), "a failed run leaves nothing behind");

        ViewStore.VersionWriter v3 = store.newVersion("v3");
        v3.writeJsonLines("rows.jsonl", List.of(Map.of("a", 3)));
        v3.writeJson(ViewStore.MANIFEST, Map.of("version", "v3"));
        v3.complete();
        store.publish("v3");
        assertEquals(Optional.of("v3"), store.current());
        assertEquals(List.of("v1", "v3"), store.versions(), "the previous version stays for rollback");
        assertEquals("{\"a\":3}", Files.readAllLines(dir.resolve("v3/rows.jsonl")).get(0));
        assertEquals("v1-2", store.newVersion("v1").version(), "a taken name gets a suffix; versions are immutable");
    }
}
