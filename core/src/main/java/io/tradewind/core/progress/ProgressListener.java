package io.tradewind.core.progress;

/**
 * Receives progress of long work (imports, retrains, evaluations). The launcher shows it as a progress bar;
 * library code only reports, so it stays free of terminal concerns.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String task, long totalUnits) {
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void finish() {
        }
    };

    /** Starts a task; {@code totalUnits} is -1 when unknown. */
    void start(String task, long totalUnits);

    void advance(long units);

    void finish();
}
