package io.tradewind.batch.retrain;

import io.tradewind.contracts.views.ViewStore;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a finished version may take CURRENT. A version as of an earlier time than CURRENT's is a backfill
 * (rebuilding the past, e.g. to compare with it): switching to it would serve older data, so it stays beside
 * CURRENT unless the operator asked for it with {@code --activate}.
 */
final class BackfillRule {
    private BackfillRule() {
    }

    /** Why CURRENT keeps its version instead of {@code version}; empty when the switch goes ahead. */
    static Optional<String> keepCurrentBecause(ViewStore store, String version, Instant asOf, boolean activate)
            throws IOException {
        Optional<String> current = store.current();
        if (activate || current.isEmpty() || !store.versions().contains(current.get())) {
            return Optional.empty();
        }
        Optional<Instant> currentAsOf = store.asOf(current.get());
        if (currentAsOf.isEmpty() || !asOf.isBefore(currentAsOf.get())) {
            return Optional.empty();
        }
        return Optional.of("CURRENT stays at " + current.get() + " (as of " + currentAsOf.get() + "): this version's as-of "
                + asOf + " is earlier, a backfill; re-run with --activate to make it current, or serve it with "
                + "./tradewind publish --version " + version);
    }
}
