package io.tradewind.serving.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventIds;
import io.tradewind.core.event.EventType;
import io.tradewind.core.event.EventValidator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one event of a {@code POST /v1/events} body into the canonical event, collecting every problem (field by
 * field, then the event schema's rules from {@link EventValidator}) instead of stopping at the first, so a client
 * can fix a batch in one go.
 */
public final class EventJson {
    /** An event, or why it is not one. */
    public record Parsed(BehaviourEvent event, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    static final Set<String> FIELDS = Set.of("eventId", "userId", "itemId", "type", "timestamp", "quantity",
            "unitPrice", "currency", "country", "category", "query", "itemTitle");

    private EventJson() {
    }

    /** @param source recorded on the event (e.g. {@code api:shop-1}), so the master data set says where it came from */
    public static Parsed parse(JsonNode node, String source) {
        List<String> problems = new ArrayList<>();
        if (!node.isObject()) {
            return new Parsed(null, List.of("an event must be a JSON object, got " + node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(name + ": unknown field (fields: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        String eventId = text(node, "eventId", problems);
        String userId = text(node, "userId", problems);
        String itemId = text(node, "itemId", problems);
        EventType type = type(node, problems);
        Long timestamp = timestamp(node, problems);
        Integer quantity = integer(node, "quantity", problems);
        Double unitPrice = number(node, "unitPrice", problems);
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        String user = userId == null ? "" : userId;
        String item = itemId == null ? "" : itemId;
        int qty = quantity == null ? 1 : quantity;
        String query = text(node, "query", problems);
        BehaviourEvent event = new BehaviourEvent(
                eventId == null ? EventIds.fromContent(user, item, type, timestamp, qty, query) : eventId,
                user,
                item,
                type,
                timestamp,
                qty,
                unitPrice,
                text(node, "currency", problems),
                text(node, "country", problems),
                text(node, "category", problems),
                query,
                text(node, "itemTitle", problems),
                source);
        problems.addAll(EventValidator.problems(event));
        return new Parsed(problems.isEmpty() ? event : null, problems);
    }

    private static String text(JsonNode node, String field, List<String> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            problems.add(field + ": must be a string");
            return null;
        }
        return v.asText();
    }

    private static EventType type(JsonNode node, List<String> problems) {
        String raw = text(node, "type", problems);
        if (raw == null) {
            problems.add("type: required (one of " + List.of(EventType.values()) + ")");
            return null;
        }
        try {
            return EventType.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("type: must be one of " + List.of(EventType.values()) + ", got '" + abbreviate(raw) + "'");
            return null;
        }
    }

    /** ISO-8601 instant ({@code 2011-12-09T12:50:00Z}) or epoch milliseconds. */
    private static Long timestamp(JsonNode node, List<String> problems) {
        JsonNode v = node.get("timestamp");
        if (v == null || v.isNull()) {
            problems.add("timestamp: required (ISO-8601 instant such as 2011-12-09T12:50:00Z, or epoch milliseconds)");
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        try {
            return Instant.parse(v.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            problems.add("timestamp: not an ISO-8601 instant or epoch milliseconds: '" + abbreviate(v.asText()) + "'");
            return null;
        }
    }

    private static Integer integer(JsonNode node, String field, List<String> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            problems.add(field + ": must be a whole number, got " + abbreviate(v.toString()));
            return null;
        }
        return v.asInt();
    }

    private static Double number(JsonNode node, String field, List<String> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            problems.add(field + ": must be a number, got " + abbreviate(v.toString()));
            return null;
        }
        return v.asDouble();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
