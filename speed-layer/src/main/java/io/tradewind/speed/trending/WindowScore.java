package io.tradewind.speed.trending;

/** A product's summed behaviour weight in one country over the window ending at {@code windowEnd}. */
public record WindowScore(String country, String item, long windowEnd, double score) {
}
