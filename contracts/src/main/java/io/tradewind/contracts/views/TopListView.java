package io.tradewind.contracts.views;

import java.util.List;

/**
 * One row of {@code toplists/<model>.jsonl}: a user's best items by one model. {@code all} may repeat what the
 * user bought before (replenishment); {@code fresh} only has items new to the user, for "discover" slots.
 */
public record TopListView(String user, List<Scored> all, List<Scored> fresh) {
    /** An item with the model's score (comparable within one user's list only). */
    public record Scored(String item, float score) {
    }
}
