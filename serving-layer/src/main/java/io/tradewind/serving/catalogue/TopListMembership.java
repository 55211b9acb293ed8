package io.tradewind.serving.catalogue;

import io.tradewind.contracts.views.PopularityView;
import io.tradewind.core.popularity.PopularityTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * For each item, the groups whose most-bought list ({@code popularity.jsonl}) it is on: countries, segments and the
 * global list. Indexed as keyword arrays so that a {@code function_score} filter can boost "popular in the user's
 * country" without scripts.
 */
final class TopListMembership {
    private final Map<String, Set<String>> countries = new HashMap<>();
    private final Map<String, Set<String>> segments = new HashMap<>();
    private final Set<String> global = new HashSet<>();

    static TopListMembership of(Iterable<PopularityView> views) {
        TopListMembership m = new TopListMembership();
        for (PopularityView view : views) {
            for (PopularityTable.Entry entry : view.items()) {
                switch (view.scope()) {
                    case PopularityView.COUNTRY ->
                            m.countries.computeIfAbsent(entry.item(), i -> new TreeSet<>()).add(view.group());
                    case PopularityView.SEGMENT ->
                            m.segments.computeIfAbsent(entry.item(), i -> new TreeSet<>()).add(view.group());
                    case PopularityView.GLOBAL -> m.global.add(entry.item());
                    default -> {
                        // A scope added by a later batch layer: not used for boosting until mapped here.
                    }
                }
            }
        }
        return m;
    }

    List<String> countriesOf(String item) {
        return List.copyOf(countries.getOrDefault(item, Set.of()));
    }

    List<String> segmentsOf(String item) {
        return List.copyOf(segments.getOrDefault(item, Set.of()));
    }

    boolean isGlobalTop(String item) {
        return global.contains(item);
    }
}
