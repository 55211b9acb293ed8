package io.tradewind.batch.retrain.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one retrain run leaves for monitoring: when it started and ended, how it ended, how long each finished stage
 * took, and for a success the version it wrote.
 *
 * @param stageSeconds the stages the run finished, in order (a failed run has those before the failure)
 * @param written the version a successful run wrote; empty otherwise
 */
public record RetrainRun(Instant startedAt, Instant endedAt, RetrainOutcome outcome, Map<String, Double> stageSeconds,
                         Optional<WrittenVersion> written) {
    public RetrainRun {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == RetrainOutcome.SUCCESS) != written.isPresent()) {
            throw new IllegalArgumentException("a written version goes with a success and only with one, got " + outcome);
        }
        stageSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
    }

    /** Wall-clock time from start to end; zero if the clock was set back during the run. */
    public Duration duration() {
        Duration d = Duration.between(startedAt, endedAt);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * The version a successful run wrote.
     *
     * @param madeCurrent false for a backfill, which leaves CURRENT where it was
     */
    public record WrittenVersion(String version, Instant asOf, boolean madeCurrent) {
    }
}
