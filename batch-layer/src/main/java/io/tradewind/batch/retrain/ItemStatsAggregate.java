package io.tradewind.batch.retrain;

import io.tradewind.contracts.views.ItemStat;

import io.tradewind.core.portrait.Habits;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds the users' sightings of one item into its catalogue facts: buyers overall and per country, title, price. */
final class ItemStatsAggregate implements AggregateFunction<ItemSighting, ItemStatsAggregate.Acc, ItemStat> {
    private static final String UNKNOWN_COUNTRY = "unknown";

    /** Running figures of one item. */
    static final class Acc {
        String itemId;
        int buyers;
        final Map<String, Integer> buyersByCountry = new HashMap<>();
        final Map<String, Integer> titles = new HashMap<>();
        final Map<String, Integer> categories = new HashMap<>();
        double priceSum;
        long priceCount;
    }

    @Override
    public Acc createAccumulator() {
        return new Acc();
    }

    @Override
    public Acc add(ItemSighting s, Acc acc) {
        acc.itemId = s.itemId();
        if (s.bought()) {
            acc.buyers++;
            acc.buyersByCountry.merge(s.country() == null ? UNKNOWN_COUNTRY : s.country(), 1, Integer::sum);
        }
        if (s.title() != null) {
            acc.titles.merge(s.title(), 1, Integer::sum);
        }
        if (s.category() != null) {
            acc.categories.merge(s.category(), 1, Integer::sum);
        }
        acc.priceSum += s.unitPriceSum();
        acc.priceCount += s.unitPriceCount();
        return acc;
    }

    @Override
    public ItemStat getResult(Acc acc) {
        return new ItemStat(acc.itemId, Habits.mostFrequent(acc.titles), Habits.mostFrequent(acc.categories),
                acc.priceCount == 0 ? 0.0 : acc.priceSum / acc.priceCount, acc.buyers, new java.util.TreeMap<>(acc.buyersByCountry)); // mutable: Kryo rebuilds maps by put
    }

    @Override
    public Acc merge(Acc a, Acc b) {
        if (a.itemId == null) {
            a.itemId = b.itemId;
        }
        a.buyers += b.buyers;
        b.buyersByCountry.forEach((k, v) -> a.buyersByCountry.merge(k, v, Integer::sum));
        b.titles.forEach((k, v) -> a.titles.merge(k, v, Integer::sum));
        b.categories.forEach((k, v) -> a.categories.merge(k, v, Integer::sum));
        a.priceSum += b.priceSum;
        a.priceCount += b.priceCount;
        return a;
    }
}
