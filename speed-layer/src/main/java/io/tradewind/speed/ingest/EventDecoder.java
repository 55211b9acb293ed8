package io.tradewind.speed.ingest;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventJson;
import io.tradewind.core.event.EventValidator;
import io.tradewind.speed.metrics.LastCheckpointGauge;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns Kafka records into canonical events with the same reader the API uses ({@link EventJson#fromWire}), and
 * everything it cannot trust into a {@link DeadLetter} on {@link #DEAD_LETTERS}: malformed bytes or JSON, schema
 * violations, unknown types, and event times further in the future than the sender's clock can be off.
 *
 * <p>It also reports when a checkpoint last completed ({@link LastCheckpointGauge}): it runs in every parallel
 * instance right after the Kafka source, so each subtask that reads events says whether its offsets are committed.
 */
public final class EventDecoder extends ProcessFunction<RawEvent, BehaviourEvent> implements CheckpointListener {
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {
    };

    private final long futureToleranceMillis;
    private transient Counter decoded;
    private transient Counter refused;
    private transient LastCheckpointGauge lastCheckpoint;

    public EventDecoder(Duration futureTolerance) {
        this.futureToleranceMillis = futureTolerance.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        decoded = getRuntimeContext().getMetricGroup().counter("eventsDecoded");
        refused = getRuntimeContext().getMetricGroup().counter("eventsDeadLettered");
        lastCheckpoint = LastCheckpointGauge.register(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        lastCheckpoint.checkpointCompleted();
    }

    @Override
    public void processElement(RawEvent raw, Context ctx, Collector<BehaviourEvent> out) {
        long now = ctx.timerService().currentProcessingTime();
        EventJson.Parsed parsed = EventJson.fromWire(raw.value());
        List<String> problems = parsed.problems();
        if (parsed.valid()) {
            Optional<String> future = EventValidator.futureProblem(parsed.event(), now, Duration.ofMillis(futureToleranceMillis));
            if (future.isEmpty()) {
                decoded.inc();
                out.collect(parsed.event());
                return;
            }
            problems = List.of(future.get());
        }
        refused.inc();
        ctx.output(DEAD_LETTERS, deadLetter(raw, String.join("; ", problems), now));
    }

    static DeadLetter deadLetter(RawEvent raw, String reason, long now) {
        Optional<String> text = utf8(raw.value());
        String key = raw.key() == null ? null : utf8(raw.key()).orElse(Base64.getEncoder().encodeToString(raw.key()));
        return new DeadLetter(reason, raw.origin(), key,
                text.orElse(Base64.getEncoder().encodeToString(raw.value())), text.isEmpty(), now);
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
