package io.tradewind.core.incremental;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exponentially decayed behaviour weight per item (half-life {@code halfLifeDays}): the running counts behind
 * {@link Trending}. One instance sees every event (in the job a separate, non-keyed aggregation; offline the
 * replay loop), and {@link #snapshot} is taken periodically. O(1) per event; a snapshot sorts the items seen.
 * Not thread-safe.
 */
public final class TrendingCounter {
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
        double days = (nowMillis - c[1]) / DAY_MILLIS;
        return days <= 0 ? c[0] : c[0] * Math.pow(0.5, days / halfLifeDays);
    }

    /** The {@code n} items with the most decayed weight at {@code nowMillis}, best first (ties: item id). */
    public Trending snapshot(long nowMillis, int n) {
        List<Map.Entry<String, Double>> all = new ArrayList<>(counts.size());
        counts.forEach((item, c) -> all.add(Map.entry(item, decayed(c, nowMillis))));
        all.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                : Double.compare(b.getValue(), a.getValue()));
        int size = Math.min(n, all.size());
        List<String> items = new ArrayList<>(size);
        double[] scores = new double[size];
        for (int k = 0; k < size; k++) {
            items.add(all.get(k).getKey());
            scores[k] = all.get(k).getValue();
        }
        return Trending.of(items, scores);
    }
}
