package io.tradewind.batch.retrain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The items the models are fitted on. EASE inverts an items x items matrix and the neighbour model compares
 * item pairs, so a click log with 85,000 items would take hours and gigabytes; the models see the
 * {@code max} items most users interacted with (ties by id), which hold nearly all of the signal.
 */
final class ModelCatalogue {
    private ModelCatalogue() {
    }

    static List<PairStat> mostInteracted(List<PairStat> pairs, int max) {
        Map<String, Integer> users = new HashMap<>();
        pairs.forEach(p -> users.merge(p.itemId(), 1, Integer::sum));
        if (users.size() <= max) {
            return pairs;
        }
        Set<String> kept = new HashSet<>(users.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max).map(Map.Entry::getKey).toList());
        List<PairStat> out = new ArrayList<>();
        for (PairStat pair : pairs) {
            if (kept.contains(pair.itemId())) {
                out.add(pair);
            }
        }
        return out;
    }

    static long distinctItems(List<PairStat> pairs) {
        return pairs.stream().map(PairStat::itemId).distinct().count();
    }
}
