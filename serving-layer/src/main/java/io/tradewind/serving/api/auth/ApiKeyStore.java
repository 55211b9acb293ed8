package io.tradewind.serving.api.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tradewind.serving.api.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys, kept only as SHA-256 hashes in a JSON file ({@code [{"name", "role", "sha256"}]}); the clear key is
 * shown once, when it is created. A plain (unsalted, fast) hash is enough because keys are 256 random bits, not
 * passwords: there is nothing to guess from a dictionary. Lookups are in memory, so authentication keeps working
 * while HBase or Elasticsearch are down. The file is looked at again at most once a second, so keys added or
 * removed by another process take effect without a restart.
 */
public final class ApiKeyStore {
    /** One stored key. */
    public record StoredKey(String name, Role role, String sha256) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How often an unknown key may make the store look at the file again (keys added by another process). */
    private static final long RELOAD_CHECK_MILLIS = 1_000;

    private final Path file;
    private volatile Map<String, StoredKey> byHash = Map.of();
    private volatile long loadedModified = -1;
    private volatile long lastCheck;

    private ApiKeyStore(Path file) {
        this.file = file;
    }

    /** Opens the key file, creating an empty one if absent. */
    public static ApiKeyStore open(Path file) {
        ApiKeyStore store = new ApiKeyStore(file);
        store.load();
        return store;
    }

    private synchronized void load() {
        try {
            if (Files.exists(file)) {
                long modified = Files.getLastModifiedTime(file).toMillis();
                List<StoredKey> keys = Json.MAPPER.readValue(file.toFile(), new TypeReference<List<StoredKey>>() { });
                Map<String, StoredKey> fresh = new HashMap<>();
                keys.forEach(k -> fresh.put(k.sha256(), k));
                // Swapped whole, so a key removed from the file stops working (revocation), not only new ones start.
                byHash = Map.copyOf(fresh);
                loadedModified = modified;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read API keys from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Re-reads the file when another process (./tradewind keys, an operator revoking) changed it; at most once a second. */
    private void reloadIfChanged() {
        long now = System.currentTimeMillis();
        if (now - lastCheck < RELOAD_CHECK_MILLIS) {
            return;
        }
        lastCheck = now;
        try {
            if (Files.exists(file) && Files.getLastModifiedTime(file).toMillis() != loadedModified) {
                load();
            }
        } catch (IOException | UncheckedIOException e) {
            // keep the keys we have; the next check tries again
        }
    }

    /**
     * Whether keys can be created and revoked here: in production the file is mounted read-only from a secret, and
     * keys are managed where the secret is.
     */
    public boolean writable() {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.exists(file)) {
            return dir == null || !Files.exists(dir) || Files.isWritable(dir);
        }
        // A file without its owner's write bit is read-only by intent (a secret), even to root, whom access() lets write.
        try {
            if (!Files.getPosixFilePermissions(file).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)) {
                return false;
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // fall back to what the OS says
        }
        return Files.isWritable(file) && Files.isWritable(dir);
    }

    /** Removes the key of that name; false when there is none. */
    public synchronized boolean revoke(String name) {
        reloadIfChanged();
        Map<String, StoredKey> next = new HashMap<>(byHash);
        if (!next.values().removeIf(k -> k.name().equals(name))) {
            return false;
        }
        requireWritable();
        byHash = Map.copyOf(next);
        save();
        return true;
    }

    private void requireWritable() {
        if (!writable()) {
            throw new ReadOnlyKeysException("the API keys file " + file + " is read-only here (in production it is mounted "
                    + "from a secret): change keys with ./tradewind keys where the secret is made, then redeploy");
        }
    }

    /** Keys cannot be changed by this process. */
    public static final class ReadOnlyKeysException extends IllegalStateException {
        ReadOnlyKeysException(String message) {
            super(message);
        }
    }

    /** Creates a key and returns it in clear; only its hash is kept. */
    public synchronized String create(String name, Role role) {
        requireWritable();
        if (byHash.values().stream().anyMatch(k -> k.name().equals(name))) {
            throw new IllegalArgumentException("an API key named '" + name + "' exists already");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "tw_" + role.name().toLowerCase() + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        StoredKey stored = new StoredKey(name, role, sha256(key));
        Map<String, StoredKey> next = new HashMap<>(byHash);
        next.put(stored.sha256(), stored);
        byHash = Map.copyOf(next);
        save();
        return key;
    }

    public Optional<ApiPrincipal> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        reloadIfChanged();
        StoredKey stored = byHash.get(sha256(key.trim()));
        return stored == null ? Optional.empty() : Optional.of(new ApiPrincipal(stored.name(), stored.role()));
    }

    public List<StoredKey> keys() {
        return List.copyOf(byHash.values());
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new ArrayList<>(byHash.values()));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            loadedModified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write API keys to " + file + ": " + e.getMessage(), e);
        }
    }

    static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }
}
