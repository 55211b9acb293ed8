package io.tradewind.serving.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {
    @TempDir
    Path dir;

    @Test
    void keysAreStoredOnlyAsHashesAndSurviveReopening() throws Exception {
        Path file = dir.resolve("keys.json");
        ApiKeyStore store = ApiKeyStore.open(file);
        String admin = store.create("ops", Role.ADMIN);
        String shop = store.create("shop-1", Role.SHOP);

        String onDisk = Files.readString(file);
        assertFalse(onDisk.contains(admin) || onDisk.contains(shop), "clear keys must never be written");

        ApiKeyStore reopened = ApiKeyStore.open(file);
        assertEquals(new ApiPrincipal("ops", Role.ADMIN), reopened.authenticate(admin).orElseThrow());
        assertEquals(new ApiPrincipal("shop-1", Role.SHOP), reopened.authenticate(shop).orElseThrow());
        assertTrue(reopened.authenticate(shop + "x").isEmpty());
        assertTrue(reopened.authenticate("").isEmpty());
    }

    @Test
    void aKeyAddedByAnotherProcessIsAcceptedWithoutARestart() throws Exception {
        Path file = dir.resolve("keys.json");
        ApiKeyStore running = ApiKeyStore.open(file);
        Thread.sleep(1_100); // the running store looks at the file at most once a second
        String added = ApiKeyStore.open(file).create("shop-2", Role.SHOP);

        assertEquals(new ApiPrincipal("shop-2", Role.SHOP), running.authenticate(added).orElseThrow());
    }

    @Test
    void aKeyRemovedFromTheFileStopsWorkingWithoutARestart() throws Exception {
        Path file = dir.resolve("keys.json");
        ApiKeyStore running = ApiKeyStore.open(file);
        String kept = running.create("shop-1", Role.SHOP);
        String revoked = running.create("leaked", Role.SHOP);
        assertTrue(running.authenticate(revoked).isPresent());

        Thread.sleep(1_100); // the running store looks at the file at most once a second
        String json = Files.readString(file);
        ArrayNode keys = (ArrayNode) new ObjectMapper().readTree(json);
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (keys.get(i).path("name").asText().equals("leaked")) {
                keys.remove(i);
            }
        }
        Files.writeString(file, keys.toString());
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        assertTrue(running.authenticate(revoked).isEmpty(), "a revoked key is refused");
        assertTrue(running.authenticate(kept).isPresent());
    }

    @Test
    void namesAreUniqueAndAdminsMayDoWhatShopsMay() {
        ApiKeyStore store = ApiKeyStore.open(dir.resolve("keys.json"));
        store.create("shop-1", Role.SHOP);

        assertThrows(IllegalArgumentException.class, () -> store.create("shop-1", Role.ADMIN));
        assertTrue(Role.ADMIN.allows(Role.SHOP));
        assertFalse(Role.SHOP.allows(Role.ADMIN));
    }
}
