package io.tradewind.serving.recommend;

import io.tradewind.contracts.hbase.RealtimeItem;
import io.tradewind.contracts.hbase.ScoredItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lambda architecture's merge: a user's batch list and real-time list become one ranking.
 *
 * <p>The speed layer scores on the batch model's scale, so scores compare directly. A real-time entry computed
 * at or before the batch version's as-of is dropped: the batch lists already saw those events, and keeping the
 * older real-time score would undo the nightly retrain. A newer real-time entry replaces the batch score of
 * the same item (it has seen more events).
 */
public final class ListMerger {
    /** A merged entry before titles are looked up. */
    public record Candidate(String item, double score, String source, String because) {
    }

    private static final Comparator<Candidate> BEST_FIRST =
            Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::item);

    private ListMerger() {
    }

    public static List<Candidate> merge(List<ScoredItem> batch, String model, List<RealtimeItem> realtime,
                                        Instant batchAsOf, Set<String> exclude, int k) {
        Map<String, Candidate> byItem = new HashMap<>();
        for (ScoredItem s : batch) {
            byItem.put(s.item(), new Candidate(s.item(), s.score(), "batch", "model " + model));
        }
        long asOfMillis = batchAsOf.toEpochMilli();
        for (RealtimeItem r : realtime) {
            if (r.updatedAtMillis() > asOfMillis) {
                byItem.put(r.item(), new Candidate(r.item(), r.score(), "realtime", describe(r.reason())));
            }
        }
        List<Candidate> out = new ArrayList<>(byItem.size());
        for (Candidate c : byItem.values()) {
            if (!exclude.contains(c.item())) {
                out.add(c);
            }
        }
        out.sort(BEST_FIRST);
        return out.size() > k ? new ArrayList<>(out.subList(0, k)) : out;
    }

    /** {@code neighbour-of:85123A} → {@code neighbour of 85123A}; other reasons pass as they are. */
    static String describe(String reason) {
        if (reason == null || reason.isBlank()) {
            return "real-time update";
        }
        int colon = reason.indexOf(':');
        return colon < 0 ? reason.replace('-', ' ')
                : reason.substring(0, colon).replace('-', ' ') + " " + reason.substring(colon + 1);
    }
}
