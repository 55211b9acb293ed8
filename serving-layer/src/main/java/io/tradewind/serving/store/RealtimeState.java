package io.tradewind.serving.store;

import io.tradewind.contracts.hbase.LiveSegment;
import io.tradewind.contracts.hbase.RealtimeItem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the speed side knows of a user now, read in one Get: the real-time list (best first), the items bought
 * since the events reached the serving layer, with the time of the latest purchase of each, and the live segment
 * when the speed layer re-assigned it ({@code null} otherwise).
 */
public record RealtimeState(List<RealtimeItem> list, Map<String, Long> recentPurchases, LiveSegment liveSegment) {
    public static final RealtimeState EMPTY = new RealtimeState(List.of(), Map.of(), null);

    public RealtimeState {
        list = List.copyOf(list);
        recentPurchases = Map.copyOf(recentPurchases);
    }

    /**
     * The live segment if it was assigned against {@code version}'s centroids; a segment of another version means
     * nothing under this one (its batch segment stands until the user's next events).
     */
    public Optional<LiveSegment> liveSegmentIn(String version) {
        return liveSegment != null && liveSegment.version().equals(version) ? Optional.of(liveSegment) : Optional.empty();
    }
}
