package io.tradewind.core.portrait;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** How a user shops: where from, when, what, how much per basket and how often they send things back. */
public record Habits(
        String country,
        int peakHour,
        String peakWeekday,
        List<String> topCategories,
        List<String> topWords,
        double avgBasketLines,
        double avgBasketValue,
        double returnRate) {

    private static final String[] WEEKDAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};

    public static Habits of(UserActivity a) {
        // Habits describe what the user did, returns included (the return rate says how much came back).
        int occasions = Math.max(1, a.baskets());
        return new Habits(
                mostFrequent(a.countries()),
                a.baskets() > 0 ? argMax(a.purchaseHours()) : -1,
                a.baskets() > 0 ? WEEKDAYS[argMax(a.purchaseWeekdays())] : null,
                top(a.categories(), 3),
                top(a.titleWords(), 5),
                (double) a.buyLines() / occasions,
                a.buyValue() / occasions,
                a.buyLines() == 0 ? 0.0 : (double) a.returnLines() / a.buyLines());
    }

    /** The most frequent key, or null for no counts; ties go to the smallest key, the same on every run. */
    public static String mostFrequent(Map<String, Integer> counts) {
        return top(counts, 1).stream().findFirst().orElse(null);
    }

    /** Most frequent keys; ties broken by key so a portrait is the same on every run. */
    public static List<String> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(n)
                .map(Map.Entry::getKey)
                .toList();
    }

    static int argMax(int[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
