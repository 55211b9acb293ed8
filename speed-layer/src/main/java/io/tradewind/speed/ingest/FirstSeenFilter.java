package io.tradewind.speed.ingest;

import io.tradewind.core.event.BehaviourEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by user: lets the first event with an id through and drops later ones (a client's retry, a producer's
 * resend), so the archive and the real-time state see each event once. A resent event is the same event, so it has
 * the same user; keying by user (not by id) keeps each user's events in the order of their Kafka partition all the
 * way to the user's state, which makes a replay compute the same state. Ids are remembered for {@code retention}
 * (processing time), long enough for any retry, as compact digests ({@link SeenEventIds}), at most
 * {@link #IDS_PER_USER} per user; a user silent for the whole retention is forgotten by a timer. Duplicates are
 * counted and emitted on {@link #DUPLICATES} so the counts can be checked: produced = archived + dead-lettered +
 * duplicates.
 */
public final class FirstSeenFilter extends KeyedProcessFunction<String, BehaviourEvent, BehaviourEvent> {
    public static final OutputTag<String> DUPLICATES = new OutputTag<>("duplicate-event-ids") {
    };
    /** Clean-up timers are rounded up to this, so a busy user has one pending timer, not one per event. */
    static final long CLEANUP_GRANULARITY_MILLIS = 3_600_000L;
    /**
     * Ids remembered per user (about 24 bytes each): far above a shopper's week of events, low enough that a bot's
     * user id cannot grow one state value without bound. Ids pushed out early are counted ({@code dedupIdsForgottenEarly}).
     */
    static final int IDS_PER_USER = 20_000;

    private final Duration retention;
    private transient ValueState<SeenEventIds> seen;
    private transient Counter duplicates;
    private transient Counter forgottenEarly;

    public FirstSeenFilter(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void open(OpenContext context) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen-event-digests", SeenEventIds.class));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicatesDropped");
        forgottenEarly = getRuntimeContext().getMetricGroup().counter("dedupIdsForgottenEarly");
    }

    @Override
    public void processElement(BehaviourEvent event, Context ctx, Collector<BehaviourEvent> out) throws Exception {
        SeenEventIds ids = seen.value();
        if (ids == null) {
            ids = new SeenEventIds();
        }
        long now = ctx.timerService().currentProcessingTime();
        SeenEventIds.Outcome outcome = ids.addIfAbsent(event.eventId(), now, retention.toMillis(), IDS_PER_USER);
        if (outcome == SeenEventIds.Outcome.SEEN) {
            duplicates.inc();
            ctx.output(DUPLICATES, event.eventId());
            return;
        }
        if (outcome == SeenEventIds.Outcome.ADDED_OVER_CAPACITY) {
            forgottenEarly.inc();
        }
        seen.update(ids);
        long forgetAt = now + retention.toMillis();
        ctx.timerService().registerProcessingTimeTimer(
                (forgetAt / CLEANUP_GRANULARITY_MILLIS + 1) * CLEANUP_GRANULARITY_MILLIS);
        out.collect(event);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BehaviourEvent> out) throws Exception {
        SeenEventIds ids = seen.value();
        if (ids != null && ids.newestMillis() + retention.toMillis() <= timestamp) {
            seen.clear();
        }
    }
}
