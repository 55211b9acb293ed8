package io.tradewind.contracts.hbase;

/** An item with a model's score; scores compare within one list only. */
public record ScoredItem(String item, float score) {
}
