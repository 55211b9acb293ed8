package io.tradewind.batch.retrain.metrics;

import java.util.Locale;

/** How a retrain run ended, as the metrics file's {@code outcome} label says it. */
public enum RetrainOutcome {
    /** A version was written (made current or, for a backfill, not). */
    SUCCESS,
    /** The run stopped with an error; CURRENT was left alone. */
    FAILED,
    /** Another retrain held the views root's lock (or a dead one left it): nothing was done (exit code 3). */
    LOCKED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
