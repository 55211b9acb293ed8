package io.tradewind.serving.catalogue;

import java.util.List;

/** One page of a search: total matches, the hits of the page, facets over all matches, and the paging asked for. */
public record SearchResult(long total, int page, int size, List<SearchHit> hits, Facets facets,
        boolean personalised) {
    public SearchResult {
        hits = List.copyOf(hits);
    }

    /** Number of pages of {@link #size()} hits. */
    public long pages() {
        return (total + size - 1) / size;
    }
}
