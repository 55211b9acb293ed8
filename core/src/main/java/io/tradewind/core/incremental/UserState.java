package io.tradewind.core.incremental;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Everything the incremental model learns about one user: what the speed layer keeps in keyed state (plain
 * fields and arrays, immutable, serializable). It holds
 * <ul>
 *   <li>the correction {@code delta} added to the user's teacher vector (the learned parameters: {@code rank}
 *       floats per user, no item-side parameters);</li>
 *   <li>for a user the teacher does not know, the folded-in base vector and the history size it was folded
 *       from;</li>
 *   <li>the user's fresh items since the batch cut-off: item id, summed behaviour weight, last time (at most
 *       {@link IncrementalConfig#freshCapacity()} of them).</li>
 * </ul>
 * Learned values belong to one teacher version: a state of another version keeps its fresh items and drops
 * the rest (the factor space of a new batch model is a different one).
 */
public final class UserState implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final float[] NONE = new float[0];

    private final String userId;
    private final String teacherVersion;
    private final float[] correction;
    private final float[] base;
    private final int baseFoldedFrom;
    private final String[] items;
    private final float[] weights;
    private final long[] lastMillis;
    private final long events;

    private UserState(String userId, String teacherVersion, float[] correction, float[] base, int baseFoldedFrom,
                      String[] items, float[] weights, long[] lastMillis, long events) {
        this.userId = userId;
        this.teacherVersion = teacherVersion;
        this.correction = correction;
        this.base = base;
        this.baseFoldedFrom = baseFoldedFrom;
        this.items = items;
        this.weights = weights;
        this.lastMillis = lastMillis;
        this.events = events;
    }

    /** The state of a user with no events yet. */
    public static UserState empty(String userId) {
        return new UserState(Objects.requireNonNull(userId, "userId"), "", NONE, NONE, 0, new String[0], NONE,
                new long[0], 0);
    }

    public String userId() {
        return userId;
    }

    /** The teacher version the learned values belong to ("" before the first event). */
    public String teacherVersion() {
        return teacherVersion;
    }

    /** Events applied (search events included). */
    public long events() {
        return events;
    }

    /** Number of fresh items. */
    public int freshItems() {
        return items.length;
    }

    public String freshItem(int k) {
        return items[k];
    }

    public float freshWeight(int k) {
        return weights[k];
    }

    public long freshLastMillis(int k) {
        return lastMillis[k];
    }

    /** Copy of the learned correction (empty before the first learning step). */
    public float[] correction() {
        return correction.clone();
    }

    /** Number of learned parameters held (the correction's length). */
    public int parameters() {
        return correction.length;
    }

    float[] correctionView() {
        return correction;
    }

    /** The folded-in base vector of a user the teacher does not know (empty if none). */
    float[] baseView() {
        return base;
    }

    int baseFoldedFrom() {
        return baseFoldedFrom;
    }

    /** This state for {@code teacher}: learned values of another version are dropped, fresh items kept. */
    UserState forTeacher(Teacher teacher) {
        if (teacher.version().equals(teacherVersion)) {
            return this;
        }
        return new UserState(userId, teacher.version(), new float[teacher.rank()], NONE, 0, items, weights,
                lastMillis, events);
    }

    UserState withCorrection(float[] delta) {
        return new UserState(userId, teacherVersion, delta, base, baseFoldedFrom, items, weights, lastMillis, events);
    }

    UserState withBase(float[] vector, int foldedFrom) {
        return new UserState(userId, teacherVersion, correction, vector, foldedFrom, items, weights, lastMillis,
                events);
    }

    UserState counted() {
        return new UserState(userId, teacherVersion, correction, base, baseFoldedFrom, items, weights, lastMillis,
                events + 1);
    }

    /**
     * Adds an interaction with {@code item}. Several lines of one basket (same item, same time stamp) count once,
     * as the batch layer counts baskets. When full, the item with the least decayed weight is forgotten.
     */
    UserState withInteraction(String item, double weight, long timestampMillis, int capacity, double decayDays) {
        int k = indexOf(item);
        if (k >= 0) {
            if (lastMillis[k] == timestampMillis) {
                return counted();
            }
            float[] w = weights.clone();
            long[] t = lastMillis.clone();
            w[k] += (float) weight;
            t[k] = Math.max(t[k], timestampMillis);
            return new UserState(userId, teacherVersion, correction, base, baseFoldedFrom, items, w, t, events + 1);
        }
        String[] i2;
        float[] w2;
        long[] t2;
        if (items.length < capacity) {
            i2 = Arrays.copyOf(items, items.length + 1);
            w2 = Arrays.copyOf(weights, weights.length + 1);
            t2 = Arrays.copyOf(lastMillis, lastMillis.length + 1);
            k = items.length;
        } else {
            i2 = items.clone();
            w2 = weights.clone();
            t2 = lastMillis.clone();
            k = weakest(timestampMillis, decayDays);
        }
        i2[k] = item;
        w2[k] = (float) weight;
        t2[k] = timestampMillis;
        return new UserState(userId, teacherVersion, correction, base, baseFoldedFrom, i2, w2, t2, events + 1);
    }

    int indexOf(String item) {
        for (int k = 0; k < items.length; k++) {
            if (items[k].equals(item)) {
                return k;
            }
        }
        return -1;
    }

    private int weakest(long nowMillis, double decayDays) {
        int worst = 0;
        double worstValue = Double.POSITIVE_INFINITY;
        for (int k = 0; k < items.length; k++) {
            double v = weights[k] * Math.exp(-(nowMillis - lastMillis[k]) / (decayDays * 86_400_000.0));
            if (v < worstValue) {
                worstValue = v;
                worst = k;
            }
        }
        return worst;
    }
}
