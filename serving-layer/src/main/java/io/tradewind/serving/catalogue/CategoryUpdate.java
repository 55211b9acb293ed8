package io.tradewind.serving.catalogue;

import java.util.List;

/** Outcome of setting or clearing a category: items changed and ids the live catalogue does not hold. */
public record CategoryUpdate(int updated, List<String> unknownItems) {
    public CategoryUpdate {
        unknownItems = List.copyOf(unknownItems);
    }
}
