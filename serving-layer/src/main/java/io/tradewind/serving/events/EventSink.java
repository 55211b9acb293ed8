package io.tradewind.serving.events;

import io.tradewind.core.event.BehaviourEvent;
import java.io.IOException;
import java.util.List;

/**
 * Where {@code POST /v1/events} puts validated events. Today the master data set on HDFS; the speed layer's Kafka
 * topic once it exists. All events of one call are stored, or none.
 */
public interface EventSink {
    /** Outcome of one call: newly stored events and those whose id was stored before (client retries). */
    record Stored(long written, long alreadyPresent) {
    }

    Stored store(List<BehaviourEvent> events) throws IOException;

    /** Where events go, for the health page and logs. */
    String describe();
}
