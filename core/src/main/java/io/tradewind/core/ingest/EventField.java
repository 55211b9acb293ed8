package io.tradewind.core.ingest;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The event fields a mapping may fill, by their names in the event schema. {@code eventId} and {@code source}
 * are not here: the importer derives them, so a mapping cannot break re-import idempotency.
 */
enum EventField {
    USER_ID("userId", true),
    ITEM_ID("itemId", true),
    TYPE("type", true),
    TIMESTAMP("timestamp", true),
    QUANTITY("quantity", false),
    UNIT_PRICE("unitPrice", false),
    CURRENCY("currency", false),
    COUNTRY("country", false),
    CATEGORY("category", false),
    QUERY("query", false),
    ITEM_TITLE("itemTitle", false);

    final String jsonName;
    /** Must be declared in every mapping (a row may still lack the value; it is then rejected). */
    final boolean required;

    EventField(String jsonName, boolean required) {
        this.jsonName = jsonName;
        this.required = required;
    }

    static Optional<EventField> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.jsonName.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(f -> f.jsonName).collect(Collectors.joining(", "));
    }
}
