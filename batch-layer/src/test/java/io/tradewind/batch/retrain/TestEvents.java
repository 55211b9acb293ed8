package io.tradewind.batch.retrain;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventIds;
import io.tradewind.core.event.EventType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Builds small, readable event histories for retrain tests. */
final class TestEvents {
    private TestEvents() {
    }

    static long at(String isoLocal) {
        return LocalDateTime.parse(isoLocal).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static BehaviourEvent buy(String user, String item, String isoLocal, double price, String country) {
        return new BehaviourEvent(EventIds.random(), user, item, EventType.BUY, at(isoLocal), 1, price, "GBP", country,
                null, null, "ITEM " + item + " HEART LANTERN", "test");
    }

    static BehaviourEvent withType(BehaviourEvent e, EventType type) {
        return new BehaviourEvent(EventIds.random(), e.userId(), e.itemId(), type, e.timestampMillis(), e.quantity(),
                e.unitPrice(), e.currency(), e.country(), e.category(), e.query(), e.itemTitle(), e.source());
    }
}
