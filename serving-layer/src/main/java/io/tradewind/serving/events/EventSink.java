package io.tradewind.serving.events;

import io.tradewind.core.event.BehaviourEvent;
import java.util.List;

/**
 * Where {@code POST /v1/events} puts validated events: the speed layer's Kafka topic ({@link KafkaEventSink}). The
 * speed layer is the one writer of the master data set and of real-time state, so an event takes one path whichever
 * way it came in.
 */
public interface EventSink {
    /**
     * Returns once every event is durably accepted; ids make retries harmless (the speed layer drops ids it has seen).
     *
     * @throws io.tradewind.serving.store.StoreUnavailableException when they cannot be accepted now (a 503)
     */
    void publish(List<BehaviourEvent> events);

    /** Checks the sink can take events now (for {@code /health}); throws with the reason when it cannot. */
    void check() throws Exception;
}
