package io.tradewind.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One canonical behaviour event, the unit of the master data set and of the Kafka stream.
 *
 * <p>Optional fields are {@code null} when the source does not have them. Use {@link EventValidator} before
 * trusting an event from outside; the constructor only rejects what no code path can handle (null ids, type).
 */
public record BehaviourEvent(
        String eventId,
        String userId,
        String itemId,
        EventType type,
        long timestampMillis,
        int quantity,
        Double unitPrice,
        String currency,
        String country,
        String category,
        String query,
        String itemTitle,
        String source) {

    public BehaviourEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(type, "type");
        source = source == null ? "" : source;
    }

    public Instant timestamp() {
        return Instant.ofEpochMilli(timestampMillis);
    }

    /** Revenue of the event line; zero when the price is unknown. Returns carry their (positive) quantity. */
    public double lineValue() {
        return unitPrice == null ? 0.0 : unitPrice * quantity;
    }
}
