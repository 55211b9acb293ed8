package io.tradewind.serving.api;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.tradewind.core.popularity.PopularityTable;
import io.tradewind.serving.api.http.AnswerNumbers;
import io.tradewind.serving.api.http.ApiException;
import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.Endpoint;
import io.tradewind.serving.metrics.ServingMetrics;
import io.tradewind.serving.recommend.ActiveVersion;
import io.tradewind.serving.recommend.RecommendationService;
import io.tradewind.contracts.hbase.ScoredItem;
import io.tradewind.serving.store.ServingStore;
import io.tradewind.serving.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/items/{id}/similar?k=}: items bought by the same customers ("customers also bought"). */
final class SimilarItemsEndpoint implements Endpoint {
    /** One similar item; the similarity is rounded in the answer only. */
    record Similar(String item, String title,
                   @JsonSerialize(using = AnswerNumbers.Score.class) double similarity) {
    }

    /** The answer; {@code degraded} when HBase was down and the list is the popular one held in memory. */
    record SimilarItems(String item, String title, String version, boolean degraded, List<Similar> similar) {
    }

    private final ActiveVersions versions;
    private final ServingStore store;
    private final RecommendationService service;
    private final ServingMetrics metrics;

    SimilarItemsEndpoint(ActiveVersions versions, ServingStore store, RecommendationService service, ServingMetrics metrics) {
        this.versions = versions;
        this.store = store;
        this.service = service;
        this.metrics = metrics;
    }

    @Override
    public Object handle(ApiRequest request) {
        String item = request.pathParameter("id");
        int k = request.integer("k", 10, 1, RecommendationsEndpoint.MAX_K);
        ActiveVersion version = versions.require();
        List<ScoredItem> neighbours;
        boolean known;
        try {
            neighbours = store.neighbours(version.version(), item);
            known = !neighbours.isEmpty() || store.item(version.version(), item).isPresent();
        } catch (StoreUnavailableException e) {
            metrics.storeError("hbase");
            metrics.degradedAnswer("similar");
            List<Similar> popular = new ArrayList<>();
            for (PopularityTable.Entry p : version.popular().global()) {
                if (popular.size() < k && !p.item().equals(item)) {
                    popular.add(new Similar(p.item(), null, 0.0));
                }
            }
            return new SimilarItems(item, null, version.version(), true, popular);
        }
        String title = service.title(version.version(), item);
        if (!known) {
            throw ApiException.notFound("unknown item '" + item + "' in version " + version.version());
        }
        List<ScoredItem> shown = neighbours.subList(0, Math.min(k, neighbours.size()));
        Map<String, String> titles = service.titles(version.version(), shown.stream().map(ScoredItem::item).toList());
        List<Similar> similar = new ArrayList<>();
        for (ScoredItem n : shown) {
            similar.add(new Similar(n.item(), titles.get(n.item()), n.score()));
        }
        return new SimilarItems(item, title, version.version(), false, similar);
    }
}
