package io.tradewind.serving.api;

import io.tradewind.contracts.views.SegmentsView;
import io.tradewind.serving.api.http.ApiException;
import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.Endpoint;
import io.tradewind.serving.recommend.ActiveVersion;
import io.tradewind.serving.store.ServingStore;

/** {@code GET /v1/segments}: the segments of the active version with sizes and centroids. */
final class SegmentsEndpoint implements Endpoint {
    /** The segmentation and the version it comes from. */
    record SegmentsAnswer(String version, SegmentsView segmentation) {
    }

    private final ActiveVersions versions;
    private final ServingStore store;

    SegmentsEndpoint(ActiveVersions versions, ServingStore store) {
        this.versions = versions;
        this.store = store;
    }

    @Override
    public Object handle(ApiRequest request) {
        ActiveVersion version = versions.require();
        SegmentsView view = store.segments(version.version()).orElseThrow(() -> new ApiException(503,
                "version " + version.version() + " has no segments loaded"));
        return new SegmentsAnswer(version.version(), view);
    }
}
