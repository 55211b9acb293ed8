package io.tradewind.core.incremental;

/**
 * An item of a user's list with its score (comparable within one list only) and why it is there: the part of the
 * score that weighed most, {@code neighbour-of:<item>} (similar to an item the user just showed interest in, named),
 * {@code incremental-model} (the teacher's factors with the user's learnt correction), {@code recent-interest} (the
 * user's own recent item) or {@code trending-now}.
 */
public record ScoredItem(String item, double score, String reason) {
    public static final String MODEL = "incremental-model";
    public static final String OWN = "recent-interest";
    public static final String TRENDING = "trending-now";
    public static final String NEIGHBOUR_PREFIX = "neighbour-of:";
}
