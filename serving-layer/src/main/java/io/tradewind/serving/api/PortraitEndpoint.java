package io.tradewind.serving.api;

import io.tradewind.contracts.hbase.LiveSegment;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.serving.api.http.ApiException;
import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.Endpoint;
import io.tradewind.serving.recommend.ActiveVersion;
import io.tradewind.serving.store.ServingStore;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /v1/users/{id}/portrait}: segment, RFM tags and habits of a known user from the batch, and the user's
 * live segment: the one the speed layer re-assigned against this version's centroids, or the batch segment while
 * the user's events since have not moved it. A user the batch does not know is found once a purchase gave them a
 * live segment (the answer then has no batch portrait).
 */
final class PortraitEndpoint implements Endpoint {
    /**
     * The portrait and the version it comes from; {@code segmentChangedAt} (ISO instant, event time) only when the
     * speed layer moved the segment.
     */
    record PortraitAnswer(String version, Portrait portrait, String liveSegment, String segmentChangedAt) {
    }

    private final ActiveVersions versions;
    private final ServingStore store;

    PortraitEndpoint(ActiveVersions versions, ServingStore store) {
        this.versions = versions;
        this.store = store;
    }

    @Override
    public Object handle(ApiRequest request) {
        String user = request.pathParameter("id");
        ActiveVersion version = versions.require();
        Optional<Portrait> portrait = store.portrait(version.version(), user);
        Optional<LiveSegment> live = store.realtimeState(user).liveSegmentIn(version.version());
        if (portrait.isEmpty() && live.isEmpty()) {
            throw ApiException.notFound("unknown user '" + user + "': no portrait in version " + version.version());
        }
        return new PortraitAnswer(version.version(), portrait.orElse(null),
                live.map(LiveSegment::segment).orElseGet(() -> portrait.get().segment()),
                live.map(s -> Instant.ofEpochMilli(s.changedAtMillis()).toString()).orElse(null));
    }
}
