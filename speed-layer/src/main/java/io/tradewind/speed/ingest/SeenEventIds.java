package io.tradewind.speed.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One user's event ids seen within the retention: a 128-bit digest of each id and when it was first seen, in a ring
 * of primitive arrays, oldest first. Flink copies a state value that is written while a checkpoint runs and
 * serialises it in every checkpoint; three arrays of numbers cost a fraction of a map of id strings with a
 * time-to-live wrapper per entry (a profile of {@code bench stream} put about an eighth of the JVM's samples in that
 * map and its copies). Two distinct ids share a digest with a probability of about 2^-128: an event is never
 * dropped by accident.
 *
 * <p>At most {@code capacity} ids are kept per user: a user id that sends far more than any shopper (a bot, a
 * load test) would otherwise grow one state value without bound and make each of its events scan it; past the cap
 * the oldest ids are forgotten early (the caller counts it). A lookup scans the user's ids, so its cost is bounded
 * by the cap too.
 *
 * <p>A Flink POJO (public fields, no-argument constructor), so state snapshots use Flink's own array serialisers.
 */
public final class SeenEventIds {
    public long[] high = new long[0];
    public long[] low = new long[0];
    public long[] firstSeenMillis = new long[0];
    /** Ring position of the oldest id. */
    public int start;
    public int count;

    public SeenEventIds() {
    }

    /** What {@link #addIfAbsent} did. */
    public enum Outcome {
        /** The id was new and is now remembered. */
        ADDED,
        /** The id was new; remembering it pushed the oldest id out before its retention ended. */
        ADDED_OVER_CAPACITY,
        /** The id was seen within the retention: a duplicate. */
        SEEN
    }

    /**
     * Remembers an id first seen at {@code nowMillis} unless it was seen within the retention; ids first seen before
     * {@code nowMillis - retentionMillis} are forgotten first.
     */
    public Outcome addIfAbsent(String eventId, long nowMillis, long retentionMillis, int capacity) {
        forgetBefore(nowMillis - retentionMillis);
        long[] digest = digest(eventId);
        for (int k = 0; k < count; k++) {
            int at = (start + k) % high.length;
            if (low[at] == digest[1] && high[at] == digest[0]) {
                return Outcome.SEEN;
            }
        }
        boolean full = count >= capacity;
        if (full) {
            start = (start + 1) % high.length;
            count--;
        } else if (count == high.length) {
            grow(Math.min(capacity, Math.max(4, 2 * count)));
        }
        int at = (start + count) % high.length;
        high[at] = digest[0];
        low[at] = digest[1];
        firstSeenMillis[at] = nowMillis;
        count++;
        return full ? Outcome.ADDED_OVER_CAPACITY : Outcome.ADDED;
    }

    /** The time the newest id was first seen, or {@code Long.MIN_VALUE} when none is remembered. */
    public long newestMillis() {
        return count == 0 ? Long.MIN_VALUE : firstSeenMillis[(start + count - 1) % high.length];
    }

    /** Ids are in first-seen order (processing time only moves forward), so the expired ones are the oldest. */
    private void forgetBefore(long oldestKeptMillis) {
        while (count > 0 && firstSeenMillis[start] < oldestKeptMillis) {
            start = (start + 1) % high.length;
            count--;
        }
    }

    /** Unrolls the ring into larger arrays, oldest first. */
    private void grow(int capacity) {
        long[] h = new long[capacity];
        long[] l = new long[capacity];
        long[] t = new long[capacity];
        for (int k = 0; k < count; k++) {
            int at = (start + k) % high.length;
            h[k] = high[at];
            l[k] = low[at];
            t[k] = firstSeenMillis[at];
        }
        high = h;
        low = l;
        firstSeenMillis = t;
        start = 0;
    }

    private static long[] digest(String eventId) {
        byte[] md5 = MD5.get().digest(eventId.getBytes(StandardCharsets.UTF_8));
        long high = 0;
        long low = 0;
        for (int b = 0; b < 8; b++) {
            high = (high << 8) | (md5[b] & 0xFF);
            low = (low << 8) | (md5[b + 8] & 0xFF);
        }
        return new long[] {high, low};
    }

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    });
}
