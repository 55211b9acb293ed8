package io.tradewind.speed.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * One user's event ids seen within the retention, oldest first: a 128-bit digest of each id and when it was first
 * seen, in primitive arrays. Flink copies a state value that is written while a checkpoint runs and serialises it
 * in every checkpoint; three arrays of numbers cost a fraction of a map of id strings with a time-to-live wrapper
 * per entry (the profile of {@code bench stream} put a fifth of the job's time in that map). Two distinct ids share
 * a digest with a probability of about 2^-128: an event is never dropped by accident.
 *
 * <p>A Flink POJO (public fields, no-argument constructor), so state snapshots use Flink's own array serialisers.
 */
public final class SeenEventIds {
    public long[] high = new long[0];
    public long[] low = new long[0];
    public long[] firstSeenMillis = new long[0];
    public int count;

    public SeenEventIds() {
    }

    /** Whether the id was seen (within the retention, as of the last {@link #add}). */
    public boolean contains(String eventId) {
        long[] digest = digest(eventId);
        for (int k = 0; k < count; k++) {
            if (low[k] == digest[1] && high[k] == digest[0]) {
                return true;
            }
        }
        return false;
    }

    /** Remembers an id first seen at {@code nowMillis}, forgetting ids seen before {@code nowMillis - retention}. */
    public void add(String eventId, long nowMillis, long retentionMillis) {
        forgetBefore(nowMillis - retentionMillis);
        if (count == high.length) {
            int capacity = Math.max(4, 2 * count);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            firstSeenMillis = Arrays.copyOf(firstSeenMillis, capacity);
        }
        long[] digest = digest(eventId);
        high[count] = digest[0];
        low[count] = digest[1];
        firstSeenMillis[count++] = nowMillis;
    }

    /** The time the newest id was first seen, or {@code Long.MIN_VALUE} when none is remembered. */
    public long newestMillis() {
        return count == 0 ? Long.MIN_VALUE : firstSeenMillis[count - 1];
    }

    /** Entries are in first-seen order (processing time only moves forward), so the expired ones are a prefix. */
    private void forgetBefore(long oldestKeptMillis) {
        int expired = 0;
        while (expired < count && firstSeenMillis[expired] < oldestKeptMillis) {
            expired++;
        }
        if (expired > 0) {
            System.arraycopy(high, expired, high, 0, count - expired);
            System.arraycopy(low, expired, low, 0, count - expired);
            System.arraycopy(firstSeenMillis, expired, firstSeenMillis, 0, count - expired);
            count -= expired;
        }
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
