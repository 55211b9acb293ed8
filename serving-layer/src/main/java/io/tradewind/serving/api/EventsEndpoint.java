package io.tradewind.serving.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.serving.api.http.ApiException;
import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.ApiResponse;
import io.tradewind.serving.api.http.Endpoint;
import io.tradewind.serving.api.http.Json;
import io.tradewind.core.event.EventJson;
import io.tradewind.serving.events.EventSink;
import io.tradewind.serving.events.RecentPurchaseRecorder;
import io.tradewind.serving.metrics.ServingMetrics;
import io.tradewind.serving.store.StoreUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/events}: one event object or an array of them. All valid → stored, 202 with counts. Any invalid
 * → 400 listing the problems per event index, and nothing is stored, so a client can fix and resend the batch
 * without creating duplicates (events it names keep their ids; the store drops ids it has).
 */
final class EventsEndpoint implements Endpoint {
    static final int MAX_EVENTS = 1_000;

    /** Problems of one event of the batch. */
    record EventProblems(int index, List<String> problems) {
    }

    /**
     * The 202 answer. {@code realtimeUpdated} false means the events are stored but HBase could not take the
     * purchases into the users' real-time state; the next retrain sees them anyway.
     */
    record Accepted(int accepted, long written, long alreadyPresent, String storedIn, boolean realtimeUpdated) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventsEndpoint.class);

    private final EventSink sink;
    private final RecentPurchaseRecorder purchases;
    private final ServingMetrics metrics;

    EventsEndpoint(EventSink sink, RecentPurchaseRecorder purchases, ServingMetrics metrics) {
        this.sink = sink;
        this.purchases = purchases;
        this.metrics = metrics;
    }

    @Override
    public Object handle(ApiRequest request) throws IOException {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "body is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || body.isMissingNode()) {
            throw new ApiException(400, "body is empty: send one event object or an array of events");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(nodes::add);
        } else {
            nodes.add(body);
        }
        if (nodes.isEmpty()) {
            throw new ApiException(400, "the array holds no events");
        }
        if (nodes.size() > MAX_EVENTS) {
            throw new ApiException(413, nodes.size() + " events in one request; send at most " + MAX_EVENTS);
        }
        String source = "api:" + request.principal().name();
        List<BehaviourEvent> events = new ArrayList<>(nodes.size());
        List<EventProblems> problems = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            EventJson.Parsed parsed = EventJson.parse(nodes.get(i), source);
            if (parsed.valid()) {
                events.add(parsed.event());
            } else {
                problems.add(new EventProblems(i, parsed.problems()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, problems.size() + " of " + nodes.size() + " events are invalid; none was stored",
                    Map.of("events", problems));
        }
        EventSink.Stored stored = sink.store(events);
        boolean realtimeUpdated = true;
        try {
            purchases.record(events);
        } catch (IOException | StoreUnavailableException e) {
            realtimeUpdated = false;
            metrics.storeError("hbase");
            LOG.warn("events stored, but recent purchases not recorded in HBase: {}", e.getMessage());
        }
        return ApiResponse.json(202, new Accepted(events.size(), stored.written(), stored.alreadyPresent(),
                sink.describe(), realtimeUpdated));
    }
}
