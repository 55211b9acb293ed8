package io.tradewind.batch.retrain;

import io.tradewind.core.event.BehaviourWeights;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything one retrain needs to know. Defaults suit a nightly run: a one-year portrait window, the last
 * 30 days before as-of held out for offline evaluation, k chosen automatically.
 *
 * @param eventsUri master data set (Hadoop URI: hdfs://… or file://…)
 * @param outUri batch-views root; the run adds a version below it and switches CURRENT
 * @param asOf the retrain sees only events strictly before this instant
 * @param segments fixed number of segments, or null to choose k in 2..8 by elbow and silhouette
 * @param behaviourWeights how much each behaviour counts in the models' matrix and in popularity
 * @param maxModelItems the models see only this many items, the most interacted with (quadratic models)
 */
public record RetrainOptions(
        String eventsUri,
        String outUri,
        Instant asOf,
        Duration portraitWindow,
        Duration holdout,
        Integer segments,
        int topN,
        int parallelism,
        long seed,
        BehaviourWeights behaviourWeights,
        int maxModelItems) {

    public RetrainOptions {
        if (portraitWindow.isNegative() || portraitWindow.isZero()) {
            throw new IllegalArgumentException("portrait window must be positive, got " + portraitWindow);
        }
        if (holdout.isNegative()) {
            throw new IllegalArgumentException("hold-out must be 0 (no offline evaluation) or positive, got " + holdout);
        }
        if (segments != null && (segments < 2 || segments > 20)) {
            throw new IllegalArgumentException("segments must be between 2 and 20, got " + segments);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        java.util.Objects.requireNonNull(behaviourWeights, "behaviourWeights");
        if (maxModelItems < 2) {
            throw new IllegalArgumentException("max model items must be at least 2, got " + maxModelItems);
        }
        if (topN < 1 || topN > 1000) {
            throw new IllegalArgumentException("top-N must be between 1 and 1000, got " + topN);
        }
    }

    public static final int DEFAULT_MAX_MODEL_ITEMS = 5_000;

    public static RetrainOptions defaults(String eventsUri, String outUri, Instant asOf) {
        return new RetrainOptions(eventsUri, outUri, asOf, Duration.ofDays(365), Duration.ofDays(30), null, 50, 2, 42L,
                BehaviourWeights.DEFAULT, DEFAULT_MAX_MODEL_ITEMS);
    }

    /** Same options with other behaviour weights. */
    public RetrainOptions withBehaviourWeights(BehaviourWeights weights) {
        return new RetrainOptions(eventsUri, outUri, asOf, portraitWindow, holdout, segments, topN, parallelism, seed,
                weights, maxModelItems);
    }

    public long asOfMillis() {
        return asOf.toEpochMilli();
    }

    public long portraitWindowStartMillis() {
        return asOf.minus(portraitWindow).toEpochMilli();
    }

    public long holdoutStartMillis() {
        return asOf.minus(holdout).toEpochMilli();
    }
}
