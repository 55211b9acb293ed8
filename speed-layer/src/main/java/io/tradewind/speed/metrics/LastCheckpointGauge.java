package io.tradewind.speed.metrics;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * When this subtask last heard that a checkpoint completed, as epoch milliseconds (Flink's own timestamp gauges,
 * e.g. {@code lastCheckpointRestoreTimestamp}, use the same unit), so a dashboard shows the checkpoint age as
 * {@code time() - value / 1000}.
 *
 * <p>Why a gauge of our own: Flink 1.20's checkpoint metrics ({@code numberOfCompletedCheckpoints},
 * {@code lastCheckpointDuration}, {@code lastCompletedCheckpointId}, …) say how many and how long, but not when the
 * last one completed. Until the first completion the value is the time the subtask opened, so the age counts from the
 * start of the job (or of its last restart) instead of showing nothing.
 */
public final class LastCheckpointGauge implements Gauge<Long> {
    /** The gauge's name in the operator's metric group. */
    public static final String NAME = "lastCompletedCheckpointTimestamp";

    private volatile long lastCompletedMillis = System.currentTimeMillis();

    private LastCheckpointGauge() {
    }

    /** Registers the gauge on {@code group}, starting from now. */
    public static LastCheckpointGauge register(MetricGroup group) {
        return group.gauge(NAME, new LastCheckpointGauge());
    }

    /** Called from the operator's {@code notifyCheckpointComplete}. */
    public void checkpointCompleted() {
        lastCompletedMillis = System.currentTimeMillis();
    }

    @Override
    public Long getValue() {
        return lastCompletedMillis;
    }
}
