package io.tradewind.core.popularity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Most-bought items per group (a country, a segment, or everyone), counted as distinct buyers so one wholesale
 * customer cannot make an item "popular". The cold-start answer for users the models do not know.
 */
public final class PopularityTable {
    /** An item and how many distinct users of the group bought it. */
    public record Entry(String item, int buyers) {
    }

    private final Map<String, Map<String, Integer>> buyersByGroup = new HashMap<>();

    /** Records that one user of {@code group} bought {@code item}; call once per distinct user-item pair. */
    public void addBuyer(String group, String item) {
        addBuyers(group, item, 1);
    }

    /** Adds {@code buyers} distinct users of {@code group} who bought {@code item} (pre-aggregated counts). */
    public void addBuyers(String group, String item, int buyers) {
        buyersByGroup.computeIfAbsent(group, g -> new HashMap<>()).merge(item, buyers, Integer::sum);
    }

    /** Top {@code n} items per group, most buyers first, ties by item id; groups in name order. */
    public Map<String, List<Entry>> top(int n) {
        Map<String, List<Entry>> out = new TreeMap<>();
        buyersByGroup.forEach((group, counts) -> {
            List<Entry> entries = new ArrayList<>(counts.size());
            counts.forEach((item, buyers) -> entries.add(new Entry(item, buyers)));
            entries.sort(Comparator.comparingInt(Entry::buyers).reversed().thenComparing(Entry::item));
            out.put(group, List.copyOf(entries.subList(0, Math.min(n, entries.size()))));
        });
        return out;
    }
}
