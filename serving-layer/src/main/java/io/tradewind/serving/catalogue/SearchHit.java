package io.tradewind.serving.catalogue;

import java.util.List;

/**
 * One item found: what a shop shows (title, mean unit price, category, countries it sells to), its score (comparable
 * within one result only) and why it was lifted for this shopper (empty for anonymous searches).
 */
public record SearchHit(String itemId, String title, Double price, String category, List<String> countries,
        double score, List<String> why) {
    public SearchHit {
        countries = List.copyOf(countries);
        why = List.copyOf(why);
    }
}
