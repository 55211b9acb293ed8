package io.tradewind.core.event;

import java.util.Locale;
import java.util.Optional;

/** The kinds of behaviour Tradewind learns from. Names match the Avro enum in {@code schema/behaviour-event.avsc}. */
public enum EventType {
    VIEW, CART, FAV, BUY, RETURN, SEARCH;

    /** Case-insensitive lookup that reports an unknown name instead of throwing. */
    public static Optional<EventType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
