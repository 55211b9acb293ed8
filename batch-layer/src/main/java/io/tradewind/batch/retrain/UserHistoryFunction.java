package io.tradewind.batch.retrain;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import io.tradewind.core.portrait.Habits;
import io.tradewind.core.portrait.UserActivity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.GlobalWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * One pass over one user's whole history (batch execution hands each key's events together): drops repeated
 * event ids, folds the portrait window into {@link UserActivity}, and derives the user's item pairs and item
 * sightings. Keying once by user replaces a shuffle per aggregate, which dominated the job's run time.
 */
final class UserHistoryFunction extends ProcessWindowFunction<BehaviourEvent, UserHistory, String, GlobalWindow> {
    static final OutputTag<PairStat> PAIRS = new OutputTag<>("pairs") { };
    static final OutputTag<ItemSighting> SIGHTINGS = new OutputTag<>("item-sightings") { };

    private final long portraitWindowStartMillis;

    UserHistoryFunction(long portraitWindowStartMillis) {
        this.portraitWindowStartMillis = portraitWindowStartMillis;
    }

    @Override
    public void process(String userId, Context context, Iterable<BehaviourEvent> events, Collector<UserHistory> out) {
        Set<String> seen = new HashSet<>();
        UserActivity activity = null;
        Map<String, PurchasesOfItem> purchases = new HashMap<>();
        long count = 0;
        for (BehaviourEvent e : events) {
            if (!seen.add(e.eventId())) {
                continue; // re-imports and at-least-once archiving may repeat an event; its id makes it unique
            }
            count++;
            if (e.timestampMillis() >= portraitWindowStartMillis) {
                activity = (activity == null ? new UserActivity(userId) : activity).add(e);
            }
            if (e.type() == EventType.BUY) {
                purchases.computeIfAbsent(e.itemId(), item -> new PurchasesOfItem()).add(e);
            }
        }
        out.collect(new UserHistory(userId, activity, count));
        purchases.forEach((item, p) -> {
            context.output(PAIRS, new PairStat(userId, item, p.times.stream().mapToLong(Long::longValue).toArray()));
            context.output(SIGHTINGS, p.sighting(item));
        });
    }

    /** Purchases of one item by the current user. */
    private static final class PurchasesOfItem {
        final TreeSet<Long> times = new TreeSet<>();
        final Map<String, Integer> countries = new HashMap<>();
        final Map<String, Integer> titles = new HashMap<>();
        String category;
        double priceSum;
        int priceCount;

        void add(BehaviourEvent e) {
            times.add(e.timestampMillis());
            if (e.country() != null) {
                countries.merge(e.country(), 1, Integer::sum);
            }
            if (e.itemTitle() != null && !e.itemTitle().isBlank()) {
                titles.merge(e.itemTitle().trim(), 1, Integer::sum);
            }
            if (e.category() != null && !e.category().isBlank()) {
                category = e.category();
            }
            if (e.unitPrice() != null) {
                priceSum += e.unitPrice();
                priceCount++;
            }
        }

        ItemSighting sighting(String item) {
            return new ItemSighting(item, Habits.mostFrequent(countries), Habits.mostFrequent(titles), category,
                    priceSum, priceCount);
        }
    }
}
