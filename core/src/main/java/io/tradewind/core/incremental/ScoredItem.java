package io.tradewind.core.incremental;

/** An item of a user's list with its score (comparable within one list only). */
public record ScoredItem(String item, double score) {
}
