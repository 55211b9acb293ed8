package io.tradewind.contracts.views;

import java.io.IOException;

/**
 * A retrain could not take a batch-views root's lock: another retrain holds it, or a dead one left it
 * ({@link #stale()}). Nothing was computed or written; the command line maps it to its own exit code.
 */
public final class RetrainLockedException extends IOException {
    private final boolean stale;

    RetrainLockedException(String message, boolean stale) {
        super(message);
        this.stale = stale;
    }

    public boolean stale() {
        return stale;
    }
}
