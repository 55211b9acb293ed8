package io.tradewind.serving.catalogue;

import java.util.List;

/** Counts over the whole result set (not just the page), for the filters a shop shows beside the results. */
public record Facets(List<PriceFacet> prices, List<FacetCount> countries, List<FacetCount> categories,
        List<FacetCount> words) {
    public Facets {
        prices = List.copyOf(prices);
        countries = List.copyOf(countries);
        categories = List.copyOf(categories);
        words = List.copyOf(words);
    }
}
