package io.tradewind.serving.catalogue;

/** A facet value (a country, a category, a title word) and how many results have it. */
public record FacetCount(String value, long count) {
}
