package io.tradewind.infra.demo;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.serving.events.EventSink;
import java.util.List;

/**
 * Sends recorded events to the speed layer at a steady pace, in the order given (the caller's event-time order),
 * through the same {@link EventSink} as {@code POST /v1/events}: the events topic, keyed by user id, so each user's
 * events stay in order on one partition. Events keep their ids, so sending them again is harmless: the speed layer
 * drops ids it has seen.
 */
public final class EventReplay {
    /** Events go out in small batches this often, so the pace is even and each batch waits for one acknowledgement. */
    static final long TICK_MILLIS = 100;

    private final EventSink sink;
    private final double eventsPerSecond;
    private final ProgressListener progress;

    public EventReplay(EventSink sink, double eventsPerSecond, ProgressListener progress) {
        if (!(eventsPerSecond > 0)) {
            throw new IllegalArgumentException("the replay rate must be positive, got " + eventsPerSecond + " events/s");
        }
        this.sink = sink;
        this.eventsPerSecond = eventsPerSecond;
        this.progress = progress;
    }

    public double eventsPerSecond() {
        return eventsPerSecond;
    }

    /** Sends every event, at most at the configured rate; returns once Kafka has acknowledged the last one. */
    public void replay(String task, List<BehaviourEvent> events) throws InterruptedException {
        int batch = (int) Math.max(1, Math.round(eventsPerSecond * TICK_MILLIS / 1000));
        long started = System.nanoTime();
        progress.start(task, events.size());
        try {
            for (int from = 0; from < events.size(); from += batch) {
                // Sleep until this batch is due: the schedule counts from the start, so slow acknowledgements do not
                // add up to a slower replay.
                long dueNanos = started + (long) (from / eventsPerSecond * 1e9);
                long waitMillis = (dueNanos - System.nanoTime()) / 1_000_000;
                if (waitMillis > 0) {
                    Thread.sleep(waitMillis);
                }
                List<BehaviourEvent> next = events.subList(from, Math.min(events.size(), from + batch));
                sink.publish(next);
                progress.advance(next.size());
            }
        } finally {
            progress.finish();
        }
    }
}
