package io.tradewind.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON form of a behaviour event, read the same way wherever an event comes in: one event of a
 * {@code POST /v1/events} body ({@link #parse}) and one record of the Kafka {@code events} topic ({@link #fromWire}),
 * so the API and the speed layer cannot accept different things. Every problem is collected (field by field, then
 * the event schema's rules from {@link EventValidator}) instead of stopping at the first, so a client can fix a
 * batch in one go.
 *
 * <p>On the wire an event is one UTF-8 JSON object with the field names of the Avro schema, {@code source}
 * included ({@link #toWire}); the API writes it, and any other producer may.
 */
public final class EventJson {
    /** An event, or why it is not one. */
    public record Parsed(BehaviourEvent event, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** What a client may send to the API; the API sets {@code source} itself. */
    static final Set<String> FIELDS = Set.of("eventId", "userId", "itemId", "type", "timestamp", "quantity",
            "unitPrice", "currency", "country", "category", "query", "itemTitle");
    /** What a record of the events topic may hold: the API's fields and where the event came from. */
    static final Set<String> WIRE_FIELDS = union(FIELDS, Set.of("source"));
    /** Source of a wire record that names none. */
    public static final String UNNAMED_SOURCE = "kafka";
    /** Deeper than any event needs; a client's nesting bomb is refused before it costs anything. */
    static final int MAX_NESTING = 16;

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    }

    /** A document that is not one JSON value, with a reason a client can act on. */
    public static final class NotJsonException extends Exception {
        public NotJsonException(String reason) {
            super(reason);
        }
    }

    private EventJson() {
    }

    /**
     * Reads exactly one JSON value: trailing content ({@code {…}{…}}, {@code {…} xyz}), duplicate keys, nesting
     * deeper than {@value #MAX_NESTING} and bytes that are not UTF-8 are refused with a reason that names no
     * parser internals.
     */
    public static JsonNode readDocument(byte[] bytes) throws NotJsonException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NotJsonException("not UTF-8 text");
        }
        if (text.isBlank()) {
            throw new NotJsonException("empty");
        }
        try {
            return STRICT.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new NotJsonException("nested deeper than " + MAX_NESTING + " levels");
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage();
            if (reason != null && reason.startsWith("Trailing token")) {
                throw new NotJsonException("more than one JSON value (at line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ")");
            }
            if (reason != null && reason.startsWith("Duplicate field")) {
                throw new NotJsonException("a field appears twice (" + abbreviate(reason.substring("Duplicate field".length()).trim()) + ")");
            }
            throw new NotJsonException("not JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + abbreviate(firstLine(reason)));
        }
    }

    /** One record of the events topic: a JSON object with {@link #WIRE_FIELDS}. Never throws on bad input. */
    public static Parsed fromWire(byte[] payload) {
        JsonNode node;
        try {
            node = readDocument(payload);
        } catch (NotJsonException e) {
            return new Parsed(null, List.of("payload: " + e.getMessage()));
        }
        if (!node.isObject()) {
            return notAnObject(node);
        }
        List<String> problems = new ArrayList<>();
        String source = text(node, "source", problems);
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        return read(node, source == null || source.isBlank() ? UNNAMED_SOURCE : source, WIRE_FIELDS);
    }

    /** The wire form of a valid event; {@link #fromWire} reads back an equal event. */
    public static byte[] toWire(BehaviourEvent e) {
        ObjectNode n = STRICT.createObjectNode();
        n.put("eventId", e.eventId());
        n.put("userId", e.userId());
        n.put("itemId", e.itemId());
        n.put("type", e.type().name());
        n.put("timestamp", e.timestampMillis());
        n.put("quantity", e.quantity());
        if (e.unitPrice() != null) {
            n.put("unitPrice", e.unitPrice());
        }
        putIfPresent(n, "currency", e.currency());
        putIfPresent(n, "country", e.country());
        putIfPresent(n, "category", e.category());
        putIfPresent(n, "query", e.query());
        putIfPresent(n, "itemTitle", e.itemTitle());
        n.put("source", e.source());
        try {
            return STRICT.writeValueAsBytes(n);
        } catch (JsonProcessingException e1) {
            throw new UncheckedIOException("cannot write event " + e.eventId() + " as JSON", e1);
        }
    }

    /** @param source recorded on the event (e.g. {@code api:shop-1}), so the master data set says where it came from */
    public static Parsed parse(JsonNode node, String source) {
        if (!node.isObject()) {
            return notAnObject(node);
        }
        return read(node, source, FIELDS);
    }

    private static Parsed notAnObject(JsonNode node) {
        return new Parsed(null, List.of("an event must be a JSON object, got " + node.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }

    private static Parsed read(JsonNode node, String source, Set<String> allowed) {
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(abbreviate(name) + ": unknown field (fields: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
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

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
