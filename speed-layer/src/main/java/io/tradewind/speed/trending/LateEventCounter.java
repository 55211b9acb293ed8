package io.tradewind.speed.trending;

import io.tradewind.core.event.BehaviourEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts events that came later than the allowed lateness (metric {@code eventsTooLateForTrending}) and passes them
 * on for whoever wants to see them. They are only left out of the trending windows: the archive and the user's state
 * took them before event time was even looked at.
 */
final class LateEventCounter extends ProcessFunction<BehaviourEvent, BehaviourEvent> {
    private transient Counter late;

    @Override
    public void open(OpenContext context) {
        late = getRuntimeContext().getMetricGroup().counter("eventsTooLateForTrending");
    }

    @Override
    public void processElement(BehaviourEvent event, Context ctx, Collector<BehaviourEvent> out) {
        late.inc();
        out.collect(event);
    }
}
