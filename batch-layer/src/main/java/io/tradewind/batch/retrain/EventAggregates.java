package io.tradewind.batch.retrain;

import io.tradewind.contracts.views.ItemStat;

import io.tradewind.core.portrait.UserActivity;
import io.tradewind.core.event.EventType;
import java.util.List;
import java.util.Map;

/**
 * The aggregates the distributed part of the retrain hands to the model-fitting part. Each is bounded by
 * users, items or distinct user-item pairs (not by events), which is why they may be gathered in one process.
 */
public record EventAggregates(List<UserActivity> users, List<PairStat> pairs, List<ItemStat> items, long events,
                              Map<EventType, Long> eventsByType) {
}
