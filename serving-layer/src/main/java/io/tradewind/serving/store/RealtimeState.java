package io.tradewind.serving.store;

import io.tradewind.contracts.hbase.RealtimeItem;

import java.util.List;
import java.util.Map;

/**
 * What the speed side knows of a user now, read in one Get: the real-time list (best first) and the items bought
 * since the events reached the serving layer, with the time of the latest purchase of each.
 */
public record RealtimeState(List<RealtimeItem> list, Map<String, Long> recentPurchases) {
    public static final RealtimeState EMPTY = new RealtimeState(List.of(), Map.of());

    public RealtimeState {
        list = List.copyOf(list);
        recentPurchases = Map.copyOf(recentPurchases);
    }
}
