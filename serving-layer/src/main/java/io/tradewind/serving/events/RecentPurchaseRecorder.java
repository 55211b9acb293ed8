package io.tradewind.serving.events;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import io.tradewind.contracts.hbase.RealtimeListWriter;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks BUY events in the users' real-time state as they arrive through the API, so "new to you" lists drop an
 * item the moment it is bought instead of after the next retrain. The speed layer takes this over with the rest
 * of the real-time state.
 */
public final class RecentPurchaseRecorder {
    private final RealtimeListWriter writer;

    public RecentPurchaseRecorder(RealtimeListWriter writer) {
        this.writer = writer;
    }

    /** @return how many users' state was updated */
    public int record(List<BehaviourEvent> events) throws IOException {
        Map<String, Map<String, Long>> byUser = new HashMap<>();
        for (BehaviourEvent e : events) {
            if (e.type() == EventType.BUY) {
                byUser.computeIfAbsent(e.userId(), u -> new HashMap<>()).merge(e.itemId(), e.timestampMillis(), Math::max);
            }
        }
        for (Map.Entry<String, Map<String, Long>> user : byUser.entrySet()) {
            writer.recordPurchases(user.getKey(), user.getValue());
        }
        return byUser.size();
    }
}
