package io.tradewind.core.ingest;

/**
 * Counts how often each 64-bit key was seen, with primitive arrays: half a million rows would cost tens of MB
 * as a {@code HashMap<Long, Integer>}. A key collision only makes two different rows share a counter; their ids
 * still differ (the raw rows differ) and stay the same on every re-import of the file.
 */
final class OccurrenceCounter {
    private static final long EMPTY = 0L;
    private long[] keys = new long[1 << 12];
    private int[] counts = new int[1 << 12];
    private int size;
    private int zeroKeyCount;

    /** Returns how many times {@code key} was seen before this call (0 the first time). */
    int next(long key) {
        if (key == EMPTY) {
            return zeroKeyCount++;
        }
        int slot = slot(key, keys);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            if (++size * 2 > keys.length) {
                grow();
            }
            return 0;
        }
        return counts[slot]++ + 1;
    }

    private static int slot(long key, long[] table) {
        int mask = table.length - 1;
        int slot = (int) (mix(key) & mask);
        while (table[slot] != EMPTY && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i], keys);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
