package io.tradewind.serving.api;

import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.Endpoint;
import io.tradewind.serving.recommend.ActiveVersion;
import io.tradewind.serving.recommend.RecommendationService;

/** {@code GET /v1/users/{id}/recommendations?k=&model=&track=all|new&country=}. Unknown users get cold start, never a 404. */
final class RecommendationsEndpoint implements Endpoint {
    static final int MAX_K = 100;

    private final ActiveVersions versions;
    private final RecommendationService service;

    RecommendationsEndpoint(ActiveVersions versions, RecommendationService service) {
        this.versions = versions;
        this.service = service;
    }

    @Override
    public Object handle(ApiRequest request) {
        String user = request.pathParameter("id");
        int k = request.integer("k", 10, 1, MAX_K);
        boolean newOnly = request.choice("track", "all", "all", "new").equals("new");
        String country = request.string("country").orElse(null);
        ActiveVersion version = versions.require();
        String model = ActiveVersions.model(version, request.string("model"));
        return service.recommend(version, new RecommendationService.Query(user, k, model, newOnly, country));
    }
}
