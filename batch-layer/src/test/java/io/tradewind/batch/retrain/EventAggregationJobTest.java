package io.tradewind.batch.retrain;

import io.tradewind.contracts.views.ItemStat;

import static io.tradewind.batch.retrain.TestEvents.at;
import static io.tradewind.batch.retrain.TestEvents.buy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tradewind.contracts.views.TrendingView;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.core.incremental.Trending;
import io.tradewind.core.incremental.TrendingCounter;
import io.tradewind.core.event.EventType;
import io.tradewind.core.portrait.UserActivity;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.junit.jupiter.api.Test;

/** The distributed aggregation on in-memory events: duplicates, the as-of cut, per-user/pair/item figures. */
class EventAggregationJobTest {

    @Test
    void aggregatesUsersPairsAndItemsBeforeAsOfWithoutDuplicates() throws Exception {
        BehaviourEvent first = buy("u1", "A", "2011-01-10T10:00:00", 2.0, "France");
        List<BehaviourEvent> events = List.of(
                first,
                first, // the same event archived twice must count once
                buy("u1", "A", "2011-02-10T10:00:00", 2.0, "France"),
                buy("u1", "B", "2011-02-10T10:00:00", 5.0, "France"),
                buy("u2", "A", "2011-02-20T15:00:00", 2.0, "Germany"),
                TestEvents.withType(buy("u3", "B", "2011-02-21T09:00:00", 5.0, "Germany"), EventType.VIEW),
                buy("u2", "C", "2011-03-05T10:00:00", 9.0, "Germany")); // at/after as-of: ignored

        EventAggregates out = new EventAggregationJob(
                env -> env.fromData(events, TypeInformation.of(BehaviourEvent.class)), 2)
                .execute(at("2011-03-01T00:00:00"), at("2011-01-01T00:00:00"));

        assertEquals(5, out.events(), "7 events minus one duplicate minus one after as-of");
        Map<String, UserActivity> users = out.users().stream()
                .collect(Collectors.toMap(UserActivity::userId, Function.identity()));
        assertEquals(3, users.size());
        assertEquals(2, users.get("u1").purchaseOccasions(), "two distinct purchase times");
        assertEquals(9.0, users.get("u1").buyValue(), 1e-9);
        assertFalse(users.get("u3").hasPurchases(), "a viewer only is a new user");
        assertEquals(1, users.get("u3").views());

        Map<String, PairStat> pairs = out.pairs().stream()
                .collect(Collectors.toMap(p -> p.userId() + "/" + p.itemId(), Function.identity()));
        assertEquals(4, pairs.size(), "three bought pairs and one viewed");
        PairStat viewed = pairs.get("u3/B");
        assertEquals(0, viewed.purchases());
        assertEquals(io.tradewind.core.event.BehaviourWeights.DEFAULT.of(EventType.VIEW), viewed.otherWeight());
        assertEquals(io.tradewind.core.event.BehaviourWeights.DEFAULT.of(EventType.BUY), u1aStrongest(pairs));
        assertEquals(Map.of(EventType.BUY, 4L, EventType.VIEW, 1L), out.eventsByType());
        PairStat u1a = pairs.get("u1/A");
        assertEquals(2, u1a.purchases());
        assertArrayEquals(new long[] {at("2011-01-10T10:00:00"), at("2011-02-10T10:00:00")}, u1a.purchaseTimes(),
                "distinct purchase times, ascending (the duplicate event counted once)");
        assertArrayEquals(new long[] {at("2011-02-20T15:00:00")}, pairs.get("u2/A").purchaseTimes());

        Map<String, ItemStat> items = out.items().stream()
                .collect(Collectors.toMap(ItemStat::itemId, Function.identity()));
        assertEquals(2, items.get("A").buyers());
        assertEquals(Map.of("France", 1, "Germany", 1), items.get("A").buyersByCountry());
        assertEquals(1, items.get("B").buyers(), "a view is not a purchase");
        assertEquals("ITEM A HEART LANTERN", items.get("A").title());
    }

    /**
     * The retrain's trending items are what the speed layer's {@link TrendingCounter} would hold at the as-of had it
     * seen the last weeks' events: one formula, summed per pair here and per event there.
     */
    @Test
    void trendingAtTheAsOfEqualsTheIncrementalModelsCounterOverTheLastWeeks() throws Exception {
        BehaviourEvent twice = buy("u1", "A", "2011-02-25T10:00:00", 2.0, "France");
        List<BehaviourEvent> recent = List.of(
                twice,
                TestEvents.withType(buy("u1", "B", "2011-02-27T10:00:00", 5.0, "France"), EventType.VIEW),
                TestEvents.withType(buy("u2", "B", "2011-02-28T10:00:00", 5.0, "Germany"), EventType.CART),
                buy("u2", "C", "2011-02-10T10:00:00", 9.0, "Germany"),
                TestEvents.withType(buy("u2", "C", "2011-02-11T10:00:00", 9.0, "Germany"), EventType.RETURN));
        List<BehaviourEvent> events = new java.util.ArrayList<>(recent);
        events.add(twice); // archived twice, counted once
        events.add(buy("u3", "D", "2011-01-05T10:00:00", 1.0, "France")); // more than 28 days before the as-of
        events.add(buy("u3", "A", "2011-03-02T10:00:00", 1.0, "France")); // after the as-of
        long asOf = at("2011-03-01T00:00:00");

        EventAggregates out = new EventAggregationJob(
                env -> env.fromData(events, TypeInformation.of(BehaviourEvent.class)), 2)
                .execute(asOf, at("2011-01-01T00:00:00"));
        List<TrendingView> trending = RetrainPipeline.trending(out.pairs());

        TrendingCounter counter = new TrendingCounter(TrendingCounter.HALF_LIFE_DAYS);
        for (BehaviourEvent e : recent) {
            counter.add(e.itemId(), BehaviourWeights.DEFAULT.of(e.type()), e.timestampMillis());
        }
        Trending expected = counter.snapshot(asOf, TrendingCounter.SNAPSHOT_ITEMS);
        assertEquals(List.of("A", "B", "C"), trending.stream().map(TrendingView::item).toList(),
                "the return is no trend, the old and the later purchases count nothing: " + trending);
        assertEquals(expected.size(), trending.size());
        for (int k = 0; k < trending.size(); k++) {
            assertEquals(expected.item(k), trending.get(k).item());
            assertEquals(expected.score(k), trending.get(k).score(), 1e-9);
        }
    }

    private static double u1aStrongest(Map<String, PairStat> pairs) {
        return pairs.get("u1/A").strongestWeight(io.tradewind.core.event.BehaviourWeights.DEFAULT);
    }
}
