package io.tradewind.serving.api;

import io.tradewind.core.portrait.Portrait;
import io.tradewind.serving.api.http.ApiException;
import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.Endpoint;
import io.tradewind.serving.recommend.ActiveVersion;
import io.tradewind.serving.store.ServingStore;

/** {@code GET /v1/users/{id}/portrait}: segment, RFM tags and habits of a known user. */
final class PortraitEndpoint implements Endpoint {
    /** The portrait and the version it comes from. */
    record PortraitAnswer(String version, Portrait portrait) {
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
        Portrait portrait = store.portrait(version.version(), user).orElseThrow(() -> ApiException.notFound(
                "unknown user '" + user + "': no portrait in version " + version.version()));
        return new PortraitAnswer(version.version(), portrait);
    }
}
