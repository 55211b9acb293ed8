package io.tradewind.core.incremental;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only snapshot of the items selling most right now (decayed recent behaviour weight), best first; the
 * candidates the incremental model takes from outside the user's own neighbourhood, and the only way an item
 * launched after the batch cut-off (no teacher factors, no neighbours) reaches a user who never touched it.
 * Made by {@link TrendingCounter#snapshot}; the speed layer refreshes it now and then, not per event.
 */
public final class Trending {
    private static final Trending NONE = new Trending(new String[0], new double[0]);

    private final String[] items;
    private final double[] scores;
    private final Map<String, Double> byItem;

    private Trending(String[] items, double[] scores) {
        this.items = items;
        this.scores = scores;
        this.byItem = new HashMap<>(items.length * 2);
        for (int k = 0; k < items.length; k++) {
            byItem.put(items[k], scores[k]);
        }
    }

    /** Items best first with their scores. */
    public static Trending of(List<String> items, double[] scores) {
        if (items.size() != scores.length) {
            throw new IllegalArgumentException("items and scores differ in length");
        }
        return new Trending(items.toArray(String[]::new), scores.clone());
    }

    /** No trending items. */
    public static Trending none() {
        return NONE;
    }

    public int size() {
        return items.length;
    }

    public String item(int position) {
        return items[position];
    }

    public double score(int position) {
        return scores[position];
    }

    /** The item's trending score, 0 when it is not in the snapshot. */
    public double score(String item) {
        return byItem.getOrDefault(item, 0.0);
    }
}
