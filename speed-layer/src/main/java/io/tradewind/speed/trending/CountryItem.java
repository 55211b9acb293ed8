package io.tradewind.speed.trending;

/** The key trends are counted under: a product in one shopper country. */
public record CountryItem(String country, String item) {
}
