package io.tradewind.serving.api;

import io.tradewind.serving.api.http.ApiException;
import io.tradewind.serving.recommend.ActiveVersion;
import io.tradewind.serving.recommend.ActiveVersionTracker;
import io.tradewind.serving.store.StoreUnavailableException;
import java.util.Optional;

/** The endpoints' view of the active version: the tracker's, or a 503 that says what to do. */
final class ActiveVersions {
    private final ActiveVersionTracker tracker;

    ActiveVersions(ActiveVersionTracker tracker) {
        this.tracker = tracker;
    }

    /** The active version; asks the registry once if none is known yet (first request after start-up). */
    ActiveVersion require() {
        Optional<ActiveVersion> known = tracker.current();
        if (known.isPresent()) {
            return known.get();
        }
        try {
            return tracker.refresh().orElseThrow(() -> new ApiException(503,
                    "no batch-view version is published yet: run './tradewind publish --views URI' first"));
        } catch (StoreUnavailableException e) {
            throw new ApiException(503, "no batch-view version known and the registry is unreachable: " + e.getMessage());
        }
    }

    /** A model the caller named must be one the version publishes. */
    static String model(ActiveVersion version, Optional<String> requested) {
        if (requested.isEmpty()) {
            return version.defaultModel();
        }
        return version.models().stream().filter(m -> m.equalsIgnoreCase(requested.get())).findFirst()
                .orElseThrow(() -> ApiException.badParameter("model", "unknown model '" + requested.get()
                        + "'; version " + version.version() + " publishes " + String.join(", ", version.models())));
    }
}
