package io.tradewind.batch.retrain;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.portrait.UserActivity;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Flink aggregate functions of the retrain job: thin adapters over core accumulators. */
final class Aggregations {
    private Aggregations() {
    }

    /** Folds a user's events into {@link UserActivity}, the same accumulator the speed layer keeps. */
    static final class UserActivityAggregate implements AggregateFunction<BehaviourEvent, UserActivity, UserActivity> {
        @Override
        public UserActivity createAccumulator() {
            return new UserActivity();
        }

        @Override
        public UserActivity add(BehaviourEvent event, UserActivity acc) {
            return acc.add(event);
        }

        @Override
        public UserActivity getResult(UserActivity acc) {
            return acc;
        }

        @Override
        public UserActivity merge(UserActivity a, UserActivity b) {
            return a.merge(b);
        }
    }

    /** Accumulator of one user-item pair: the distinct purchase times. */
    static final class PairAccumulator {
        String userId;
        String itemId;
        final TreeSet<Long> times = new TreeSet<>();
    }

    static final class PairAggregate implements AggregateFunction<BehaviourEvent, PairAccumulator, PairStat> {
        private final long holdoutStartMillis;

        PairAggregate(long holdoutStartMillis) {
            this.holdoutStartMillis = holdoutStartMillis;
        }

        @Override
        public PairAccumulator createAccumulator() {
            return new PairAccumulator();
        }

        @Override
        public PairAccumulator add(BehaviourEvent e, PairAccumulator acc) {
            acc.userId = e.userId();
            acc.itemId = e.itemId();
            acc.times.add(e.timestampMillis());
            return acc;
        }

        @Override
        public PairStat getResult(PairAccumulator acc) {
            java.util.SortedSet<Long> before = acc.times.headSet(holdoutStartMillis);
            return new PairStat(acc.userId, acc.itemId, acc.times.size(), acc.times.last(), before.size(),
                    before.isEmpty() ? Long.MIN_VALUE : before.last(), before.size() < acc.times.size());
        }

        @Override
        public PairAccumulator merge(PairAccumulator a, PairAccumulator b) {
            a.times.addAll(b.times);
            return a;
        }
    }

    /** Accumulator of one item: its buyers (to count distinct ones per country), titles and prices. */
    static final class ItemAccumulator {
        String itemId;
        final Map<String, String> countryOfBuyer = new HashMap<>();
        final Map<String, Integer> titles = new HashMap<>();
        final Map<String, Integer> categories = new HashMap<>();
        double priceSum;
        long priceCount;
    }

    static final class ItemAggregate implements AggregateFunction<BehaviourEvent, ItemAccumulator, ItemStat> {
        private static final String UNKNOWN_COUNTRY = "unknown";

        @Override
        public ItemAccumulator createAccumulator() {
            return new ItemAccumulator();
        }

        @Override
        public ItemAccumulator add(BehaviourEvent e, ItemAccumulator acc) {
            acc.itemId = e.itemId();
            acc.countryOfBuyer.putIfAbsent(e.userId(), e.country() == null ? UNKNOWN_COUNTRY : e.country());
            if (e.itemTitle() != null && !e.itemTitle().isBlank()) {
                acc.titles.merge(e.itemTitle().trim(), 1, Integer::sum);
            }
            if (e.category() != null && !e.category().isBlank()) {
                acc.categories.merge(e.category(), 1, Integer::sum);
            }
            if (e.unitPrice() != null) {
                acc.priceSum += e.unitPrice();
                acc.priceCount++;
            }
            return acc;
        }

        @Override
        public ItemStat getResult(ItemAccumulator acc) {
            Map<String, Integer> byCountry = new HashMap<>();
            acc.countryOfBuyer.values().forEach(c -> byCountry.merge(c, 1, Integer::sum));
            return new ItemStat(acc.itemId, mostFrequent(acc.titles), mostFrequent(acc.categories),
                    acc.priceCount == 0 ? 0.0 : acc.priceSum / acc.priceCount, acc.countryOfBuyer.size(), byCountry);
        }

        @Override
        public ItemAccumulator merge(ItemAccumulator a, ItemAccumulator b) {
            b.countryOfBuyer.forEach(a.countryOfBuyer::putIfAbsent);
            b.titles.forEach((k, v) -> a.titles.merge(k, v, Integer::sum));
            b.categories.forEach((k, v) -> a.categories.merge(k, v, Integer::sum));
            a.priceSum += b.priceSum;
            a.priceCount += b.priceCount;
            return a;
        }

        private static String mostFrequent(Map<String, Integer> counts) {
            return counts.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey,
                            java.util.Comparator.reverseOrder()))
                    .map(Map.Entry::getKey)
                    .orElse(null);
        }
    }
}
