package io.tradewind.serving.store;

/** Where a version stands in the registry; only {@link #READY} versions can be activated. */
public enum VersionState {
    /** A load is writing it (or died while writing it). */
    LOADING,
    /** Every file loaded and its row count matched the manifest. */
    READY,
    /** The load failed; its cells are removed by retention. */
    FAILED,
    /** Retention is removing it; set before the first cell goes, so a half-dropped version is never activated. */
    DROPPING
}
