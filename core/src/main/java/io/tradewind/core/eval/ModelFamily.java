package io.tradewind.core.eval;

import io.tradewind.core.model.Recommender;

import java.util.List;
import java.util.Set;

/**
 * A model and its hyper-parameter grid, searched on the validation split in list order (the first of equal
 * NDCG@10 wins), for the tracks it applies to.
 */
public record ModelFamily(String name, List<Recommender> grid, Set<Track> tracks) {

    public ModelFamily {
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("empty grid for " + name);
        }
        grid = List.copyOf(grid);
        tracks = Set.copyOf(tracks);
    }
}
