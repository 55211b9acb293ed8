package io.tradewind.contracts.views;

import java.util.List;

/** One row of {@code neighbours.jsonl}: the items most often bought by the same customers ("also bought"). */
public record NeighboursView(String item, List<Neighbour> neighbours) {
    /** A similar item and its cosine similarity over co-buyers. */
    public record Neighbour(String item, float similarity) {
    }
}
