package io.tradewind.speed.ingest;

import io.tradewind.core.event.BehaviourEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by user: lets the first event with an id through and drops later ones (a client's retry, a producer's
 * resend), so the archive and the real-time state see each event once. A resent event is the same event, so it has
 * the same user; keying by user (not by id) keeps each user's events in the order of their Kafka partition all the
 * way to the user's state, which makes a replay compute the same state. Ids are remembered for {@code retention}
 * (per-entry state TTL), long enough for any retry; duplicates are counted and emitted on {@link #DUPLICATES} so the
 * counts can be checked: produced = archived + dead-lettered + duplicates.
 */
public final class FirstSeenFilter extends KeyedProcessFunction<String, BehaviourEvent, BehaviourEvent> {
    public static final OutputTag<String> DUPLICATES = new OutputTag<>("duplicate-event-ids") {
    };

    private final Duration retention;
    private transient MapState<String, Boolean> seen;
    private transient Counter duplicates;

    public FirstSeenFilter(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void open(OpenContext context) {
        MapStateDescriptor<String, Boolean> descriptor = new MapStateDescriptor<>("seen-event-ids", Types.STRING, Types.BOOLEAN);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        seen = getRuntimeContext().getMapState(descriptor);
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicatesDropped");
    }

    @Override
    public void processElement(BehaviourEvent event, Context ctx, Collector<BehaviourEvent> out) throws Exception {
        if (seen.contains(event.eventId())) {
            duplicates.inc();
            ctx.output(DUPLICATES, event.eventId());
            return;
        }
        seen.put(event.eventId(), true);
        out.collect(event);
    }
}
