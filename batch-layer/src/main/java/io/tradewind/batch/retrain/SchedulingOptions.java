package io.tradewind.batch.retrain;

import io.tradewind.contracts.views.RetrainLock;
import java.time.Duration;

/**
 * How a retrain shares its batch-views root with other runs, apart from what it computes ({@link RetrainOptions}).
 *
 * @param lockTimeout a lock older than this is stale (its holder is presumed dead)
 * @param breakLock remove a stale lock instead of stopping (a live holder's lock is never removed)
 * @param activate switch CURRENT to the new version even when its as-of is earlier than CURRENT's (a backfill)
 */
public record SchedulingOptions(Duration lockTimeout, boolean breakLock, boolean activate) {
    public static final SchedulingOptions DEFAULTS = new SchedulingOptions(RetrainLock.DEFAULT_TIMEOUT, false, false);

    public SchedulingOptions {
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("lock timeout must be positive, got " + lockTimeout);
        }
    }
}
