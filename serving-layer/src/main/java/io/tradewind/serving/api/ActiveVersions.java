package io.tradewind.serving.api;

import io.tradewind.serving.api.http.ApiException;
import io.tradewind.serving.recommend.ActiveVersion;
import io.tradewind.serving.recommend.ActiveVersionTracker;
import io.tradewind.serving.store.StoreUnavailableException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The endpoints' view of the active version: the tracker's, or a 503 that says what to do. */
final class ActiveVersions {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveVersions.class);
    /** After a failed registry read, requests answer 503 at once for this long instead of each waiting on HBase. */
    private static final long RETRY_AFTER_FAILURE_MILLIS = 1_000;

    private final ActiveVersionTracker tracker;
    private volatile long lastFailure;

    ActiveVersions(ActiveVersionTracker tracker) {
        this.tracker = tracker;
    }

    /** The active version; asks the registry once if none is known yet (first request after start-up). */
    ActiveVersion require() {
        Optional<ActiveVersion> known = tracker.current();
        if (known.isPresent()) {
            return known.get();
        }
        if (System.currentTimeMillis() - lastFailure < RETRY_AFTER_FAILURE_MILLIS) {
            throw new ApiException(503, "no batch-view version known and the registry is unreachable; retry shortly");
        }
        try {
            return tracker.refresh().orElseThrow(() -> new ApiException(503,
                    "no batch-view version is published yet: run './tradewind publish --views URI' first"));
        } catch (StoreUnavailableException e) {
            lastFailure = System.currentTimeMillis();
            LOG.warn("no batch-view version known and the registry is unreachable: {}", e.getMessage(), e);
            throw new ApiException(503, "no batch-view version known yet: " + e.publicMessage());
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
