package io.tradewind.core.incremental;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exponentially decayed behaviour weight per item (half-life {@code halfLifeDays}): the running counts behind
 * {@link Trending}. Offline the replay loop feeds one instance every event and takes a {@link #snapshot} once a day
 * of event time; the batch retrain computes the same sums with {@link #decayedWeight} at its as-of, and the speed
 * layer's job uses that snapshot until the next version (a daily retrain refreshes it as often as the replay does).
 * O(1) per event; a snapshot sorts the items seen. Not thread-safe.
 */
public final class TrendingCounter {
    /** Half-life of an event's weight in the trending score. */
    public static final double HALF_LIFE_DAYS = 14;
    /** Items in a snapshot. */
    public static final int SNAPSHOT_ITEMS = 100;
    /**
     * How far back a snapshot made from scratch (a retrain, a replay's seed) looks: older events would weigh under a
     * quarter of a fresh one.
     */
    public static final int SEED_DAYS = 28;

    private static final double DAY_MILLIS = 86_400_000.0;

    private final double halfLifeDays;
    private final Map<String, double[]> counts = new HashMap<>();

    public TrendingCounter(double halfLifeDays) {
        if (!(halfLifeDays > 0)) {
            throw new IllegalArgumentException("halfLifeDays must be positive, got " + halfLifeDays);
        }
        this.halfLifeDays = halfLifeDays;
    }

    /** Adds an event's weight (non-positive weights, e.g. returns, are not trends and are ignored). */
    public void add(String item, double weight, long timestampMillis) {
        if (weight <= 0) {
            return;
        }
        double[] c = counts.computeIfAbsent(item, k -> new double[] {0, timestampMillis});
        c[0] = decayed(c, timestampMillis) + weight;
        c[1] = Math.max(c[1], timestampMillis);
    }

    private double decayed(double[] c, long nowMillis) {
        return decayedWeight(c[0], (long) c[1], nowMillis, halfLifeDays);
    }

    /**
     * What {@code weight} recorded at {@code eventMillis} counts at {@code nowMillis}. The counter's score of an item
     * is the sum of this over the item's events, so a batch job can sum it per item without keeping a counter.
     */
    public static double decayedWeight(double weight, long eventMillis, long nowMillis, double halfLifeDays) {
        double days = (nowMillis - eventMillis) / DAY_MILLIS;
        return days <= 0 ? weight : weight * Math.pow(0.5, days / halfLifeDays);
    }

    /** The {@code n} best of per-item scores, best first (ties: item id), as {@link #snapshot} orders them. */
    public static Trending best(Map<String, Double> scores, int n) {
        List<Map.Entry<String, Double>> all = new ArrayList<>(scores.entrySet());
        all.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                : Double.compare(b.getValue(), a.getValue()));
        int size = Math.min(n, all.size());
        List<String> items = new ArrayList<>(size);
        double[] values = new double[size];
        for (int k = 0; k < size; k++) {
            items.add(all.get(k).getKey());
            values[k] = all.get(k).getValue();
        }
        return Trending.of(items, values);
    }

    /** The {@code n} items with the most decayed weight at {@code nowMillis}, best first (ties: item id). */
    public Trending snapshot(long nowMillis, int n) {
        Map<String, Double> scores = new HashMap<>(counts.size() * 2);
        counts.forEach((item, c) -> scores.put(item, decayed(c, nowMillis)));
        return best(scores, n);
    }
}
