package io.tradewind.serving.events;

import io.tradewind.core.event.BehaviourEvent;
import java.util.List;

/**
 * Where {@code POST /v1/events} puts validated events. Today the master data set on HDFS; the speed layer's Kafka
 * topic once it exists. Stored events are durable when this returns; ids make retries idempotent.
 */
public interface EventSink {
    /** Outcome of one call: newly stored events and those whose id was stored before (client retries). */
    record Stored(long written, long alreadyPresent) {
    }

    /** @throws io.tradewind.serving.store.StoreUnavailableException when the events cannot be stored now (a 503) */
    Stored store(List<BehaviourEvent> events);

    /** Where events go, for the health page and logs. */
    String describe();
}
