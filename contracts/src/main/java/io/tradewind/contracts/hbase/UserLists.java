package io.tradewind.contracts.hbase;

import java.util.List;

/**
 * One user's batch lists from one model of one version: {@code all} may repeat past purchases (replenishment),
 * {@code fresh} holds only items new to the user.
 */
public record UserLists(List<ScoredItem> all, List<ScoredItem> fresh) {
    public UserLists {
        all = List.copyOf(all);
        fresh = List.copyOf(fresh);
    }
}
