package io.tradewind.serving.admin;

import java.util.List;
import java.util.Locale;

/**
 * A shop category, defined by the words of product titles it covers (Online Retail has no categories of its own:
 * "Candles & holders" = {candle, holder, t-light}). An item takes the first category, in name order, that has
 * one of its title words.
 *
 * @param id       stable URL id derived from the name at creation ({@code candles-holders})
 * @param keywords lower-case title words
 */
public record Category(String id, String name, List<String> keywords) {
    public Category {
        keywords = keywords.stream().map(k -> k.trim().toLowerCase(Locale.ROOT)).filter(k -> !k.isEmpty()).distinct().toList();
    }

    /** {@code "Candles & Holders"} → {@code candles-holders}. */
    public static String idOf(String name) {
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("name: needs at least one letter or digit");
        }
        return id;
    }
}
