package io.tradewind.serving.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventJson;
import io.tradewind.core.event.EventValidator;
import io.tradewind.serving.api.http.ApiException;
import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.ApiResponse;
import io.tradewind.serving.api.http.Endpoint;
import io.tradewind.serving.events.EventSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/events}: one event object, an array of them, or NDJSON (one object per line, with
 * {@code Content-Type: application/x-ndjson}). All valid → handed to the event stream, 202 once Kafka has
 * acknowledged every one. Any invalid → 400 listing the problems per event index, and nothing is sent, so a client
 * can fix and resend the batch (events keep their ids; ids derived from content are the same on a retry).
 * A body that is not exactly that (two JSON values glued together, trailing text) is a 400 as a whole.
 */
final class EventsEndpoint implements Endpoint {
    static final int MAX_EVENTS = 1_000;
    static final String NDJSON = "application/x-ndjson";

    /** Problems of one event of the batch. */
    record EventProblems(int index, List<String> problems) {
    }

    /** The 202 answer: how many events the stream took, and their ids (derived ones included) for retries. */
    record Accepted(int accepted, List<String> eventIds) {
    }

    private final EventSink sink;
    private final Duration futureTolerance;

    EventsEndpoint(EventSink sink, Duration futureTolerance) {
        this.sink = sink;
        this.futureTolerance = futureTolerance;
    }

    @Override
    public Object handle(ApiRequest request) throws IOException {
        List<JsonNode> nodes = isNdjson(request) ? ndjson(request.body()) : document(request.body());
        if (nodes.isEmpty()) {
            throw new ApiException(400, "the request holds no events");
        }
        if (nodes.size() > MAX_EVENTS) {
            throw new ApiException(413, nodes.size() + " events in one request; send at most " + MAX_EVENTS);
        }
        String source = "api:" + request.caller().name();
        long now = System.currentTimeMillis();
        List<BehaviourEvent> events = new ArrayList<>(nodes.size());
        List<EventProblems> problems = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            EventJson.Parsed parsed = EventJson.parse(nodes.get(i), source);
            List<String> reasons = parsed.valid()
                    ? EventValidator.futureProblem(parsed.event(), now, futureTolerance).map(List::of).orElse(List.of())
                    : parsed.problems();
            if (reasons.isEmpty()) {
                events.add(parsed.event());
            } else {
                problems.add(new EventProblems(i, reasons));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, problems.size() + " of " + nodes.size() + " events are invalid; none was accepted",
                    Map.of("events", problems));
        }
        sink.publish(events);
        return ApiResponse.json(202, new Accepted(events.size(), events.stream().map(BehaviourEvent::eventId).toList()));
    }

    private static boolean isNdjson(ApiRequest request) {
        String type = request.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(NDJSON);
    }

    /** One JSON document: an event object or an array of them. */
    private static List<JsonNode> document(byte[] body) {
        JsonNode root = read(body, "body");
        List<JsonNode> nodes = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        return nodes;
    }

    /** One event per non-blank line; a line that is not one JSON value fails the whole request. */
    private static List<JsonNode> ndjson(byte[] body) {
        List<JsonNode> nodes = new ArrayList<>();
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                nodes.add(read(lines[i].getBytes(StandardCharsets.UTF_8), "line " + (i + 1)));
            }
            if (nodes.size() > MAX_EVENTS) {
                break; // the caller answers 413; no need to parse the rest
            }
        }
        return nodes;
    }

    private static JsonNode read(byte[] bytes, String what) {
        try {
            return EventJson.readDocument(bytes);
        } catch (EventJson.NotJsonException e) {
            String hint = e.getMessage().startsWith("more than one JSON value")
                    ? "; send one event, an array of events, or NDJSON with Content-Type " + NDJSON : "";
            throw new ApiException(400, what + " is not one JSON value: " + e.getMessage() + hint);
        }
    }
}
