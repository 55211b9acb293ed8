package io.tradewind.batch.retrain;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.core.event.EventType;
import io.tradewind.core.event.PurchaseNetting;
import io.tradewind.core.incremental.TrendingCounter;
import io.tradewind.core.portrait.Habits;
import io.tradewind.core.portrait.UserActivity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.GlobalWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * One pass over one user's whole history (batch execution hands each key's events together): drops repeated
 * event ids, folds the portrait window into {@link UserActivity}, and derives the user's item pairs (every
 * behaviour, weighted by {@link BehaviourWeights}; purchases and returns as lines, netted by {@link PurchaseNetting})
 * and item sightings (a buyer is one who kept some of the item), with each pair's share of the item's trending
 * score at the as-of. Keying once by user replaces a shuffle per aggregate, which dominated the job's run time.
 */
final class UserHistoryFunction extends ProcessWindowFunction<BehaviourEvent, UserHistory, String, GlobalWindow> {
    static final OutputTag<PairStat> PAIRS = new OutputTag<>("pairs") { };
    static final OutputTag<ItemSighting> SIGHTINGS = new OutputTag<>("item-sightings") { };

    private final long asOfMillis;
    private final long portraitWindowStartMillis;
    private final BehaviourWeights weights;

    UserHistoryFunction(long asOfMillis, long portraitWindowStartMillis, BehaviourWeights weights) {
        this.asOfMillis = asOfMillis;
        this.portraitWindowStartMillis = portraitWindowStartMillis;
        this.weights = weights;
    }

    @Override
    public void process(String userId, Context context, Iterable<BehaviourEvent> events, Collector<UserHistory> out) {
        Set<String> seen = new HashSet<>();
        UserActivity activity = null;
        Map<String, EventsOfItem> byItem = new HashMap<>();
        long count = 0;
        long[] byType = new long[EventType.values().length];
        for (BehaviourEvent e : events) {
            if (!seen.add(e.eventId())) {
                continue; // re-imports and at-least-once archiving may repeat an event; its id makes it unique
            }
            count++;
            byType[e.type().ordinal()]++;
            if (e.timestampMillis() >= portraitWindowStartMillis) {
                activity = (activity == null ? new UserActivity(userId) : activity).add(e);
            }
            if (e.type() != EventType.SEARCH && !e.itemId().isEmpty()) {
                byItem.computeIfAbsent(e.itemId(), item -> new EventsOfItem()).add(e, weights, asOfMillis);
            }
        }
        out.collect(new UserHistory(userId, activity, count, byType));
        byItem.forEach((item, p) -> {
            context.output(PAIRS, new PairStat(userId, item, p.times(), p.units(), p.otherWeight, p.strongestOtherWeight,
                    p.lastMillis, p.trendingWeight));
            context.output(SIGHTINGS, p.sighting(item));
        });
    }

    /** The current user's events on one item. */
    private static final class EventsOfItem {
        /** Purchase and return lines: time, units (a return's negative), the buyer's country (purchases). */
        final List<long[]> lines = new ArrayList<>();
        final List<String> lineCountries = new ArrayList<>();
        final Map<String, Integer> titles = new HashMap<>();
        String category;
        double priceSum;
        int priceCount;
        double otherWeight;
        double strongestOtherWeight = Double.NEGATIVE_INFINITY;
        long lastMillis = Long.MIN_VALUE;
        double trendingWeight;

        void add(BehaviourEvent e, BehaviourWeights weights, long asOfMillis) {
            lastMillis = Math.max(lastMillis, e.timestampMillis());
            double weight = weights.of(e.type());
            // As the speed layer's TrendingCounter counts: every event of positive weight, decayed to the as-of.
            if (weight > 0 && e.timestampMillis() >= asOfMillis - TrendingCounter.SEED_DAYS * 86_400_000L) {
                trendingWeight += TrendingCounter.decayedWeight(weight, e.timestampMillis(), asOfMillis,
                        TrendingCounter.HALF_LIFE_DAYS);
            }
            if (e.type() == EventType.BUY || e.type() == EventType.RETURN) {
                lines.add(new long[] {e.timestampMillis(), e.type() == EventType.BUY ? e.quantity() : -e.quantity()});
                lineCountries.add(e.type() == EventType.BUY ? e.country() : null);
            } else {
                otherWeight += weight;
                strongestOtherWeight = Math.max(strongestOtherWeight, weight);
            }
            if (e.itemTitle() != null && !e.itemTitle().isBlank()) {
                titles.merge(e.itemTitle().trim(), 1, Integer::sum);
            }
            if (e.category() != null && !e.category().isBlank()) {
                category = e.category();
            }
            if (e.type() == EventType.BUY && e.unitPrice() != null) {
                priceSum += e.unitPrice();
                priceCount++;
            }
        }

        long[] times() {
            return lines.stream().mapToLong(line -> line[0]).toArray();
        }

        long[] units() {
            return lines.stream().mapToLong(line -> line[1]).toArray();
        }

        /** A buyer is one who kept units of the item; the country is that of the purchases kept. */
        ItemSighting sighting(String item) {
            long[] kept = PurchaseNetting.netQuantities(times(), units());
            Map<String, Integer> countries = new HashMap<>();
            boolean bought = false;
            for (int k = 0; k < kept.length; k++) {
                if (kept[k] > 0) {
                    bought = true;
                    if (lineCountries.get(k) != null) {
                        countries.merge(lineCountries.get(k), 1, Integer::sum);
                    }
                }
            }
            return new ItemSighting(item, bought, Habits.mostFrequent(countries), Habits.mostFrequent(titles), category,
                    priceSum, priceCount);
        }
    }
}
