package io.tradewind.serving.admin;

import java.util.List;
import java.util.Locale;

/**
 * A shop category, defined by the words of product titles it covers (Online Retail has no categories of its own:
 * "Candles & holders" = {candle, holder, t-light}). An item takes the first category, in name order, that has
 * one of its title words, unless a merchandiser assigned the item to a category by hand ({@code items}), which
 * wins over every keyword.
 *
 * @param id       stable URL id derived from the name at creation ({@code candles-holders})
 * @param keywords lower-case title words
 * @param items    item ids assigned to this category by hand (none when absent in older rows)
 */
public record Category(String id, String name, List<String> keywords, List<String> items) {
    public Category {
        keywords = keywords.stream().map(k -> k.trim().toLowerCase(Locale.ROOT)).filter(k -> !k.isEmpty()).distinct().toList();
        items = items == null ? List.of() : items.stream().map(String::strip).filter(i -> !i.isEmpty()).distinct().toList();
    }

    public Category(String id, String name, List<String> keywords) {
        this(id, name, keywords, List.of());
    }

    public Category withItems(List<String> value) {
        return new Category(id, name, keywords, value);
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
