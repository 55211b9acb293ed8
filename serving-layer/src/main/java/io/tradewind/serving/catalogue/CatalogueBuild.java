package io.tradewind.serving.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * A finished build: the physical index now behind the alias, the batch-view version it holds, how many items, the
 * index that served before (empty for the first build) and the old indices retention deleted.
 */
public record CatalogueBuild(String index, String version, long items, Optional<String> previousIndex,
        List<String> deletedIndices) {
    public CatalogueBuild {
        deletedIndices = List.copyOf(deletedIndices);
    }
}
