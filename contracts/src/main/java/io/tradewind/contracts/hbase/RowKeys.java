package io.tradewind.contracts.hbase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Row keys of the user and item tables: {@code <2 hex chars of MD5(id)>:<id>}, e.g. {@code 5e:12346}.
 *
 * <p>Customer ids are sequential (12346..18287) and new customers get the next ones, so plain ids would send a
 * whole load, and every new user, to the last region. The hash prefix spreads neighbouring ids over all 256
 * buckets; tables are pre-split on bucket boundaries, so every region takes its share from the first row. A Get
 * still needs only the id. Hex rather than a raw byte keeps keys readable in the HBase shell; MD5 because every
 * language computes it the same way (an ops script can find a user's row).
 */
public final class RowKeys {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RowKeys() {
    }

    public static byte[] salted(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("empty id");
        }
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        int bucket = md5(idBytes)[0] & 0xff;
        byte[] key = new byte[3 + idBytes.length];
        key[0] = (byte) HEX[bucket >>> 4];
        key[1] = (byte) HEX[bucket & 0xf];
        key[2] = ':';
        System.arraycopy(idBytes, 0, key, 3, idBytes.length);
        return key;
    }

    /** The id back from a salted key. */
    public static String id(byte[] saltedKey) {
        return new String(saltedKey, 3, saltedKey.length - 3, StandardCharsets.UTF_8);
    }

    /** Split points giving {@code regions} regions of (nearly) equal bucket ranges; empty for one region. */
    public static byte[][] splitKeys(int regions) {
        byte[][] splits = new byte[regions - 1][];
        for (int i = 1; i < regions; i++) {
            int bucket = i * 256 / regions;
            splits[i - 1] = new byte[] {(byte) HEX[bucket >>> 4], (byte) HEX[bucket & 0xf]};
        }
        return splits;
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
