package io.tradewind.contracts.views;

/**
 * One row of {@code trending.jsonl}, best first: an item selling most in the weeks before the version's as-of
 * (behaviour weights decayed by age, see core's {@code TrendingCounter}). The speed layer's incremental model takes
 * candidates from it; a version written before the file existed has none, and the model then has no trending items.
 */
public record TrendingView(String item, double score) {
    public static final String FILE = "trending.jsonl";
}
