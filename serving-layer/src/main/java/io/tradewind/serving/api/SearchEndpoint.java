package io.tradewind.serving.api;

import io.tradewind.serving.api.http.ApiException;
import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.Endpoint;
import io.tradewind.serving.catalogue.ElasticsearchRequestException;
import io.tradewind.serving.catalogue.InvalidSearchRequestException;
import io.tradewind.serving.catalogue.ProductSearch;
import io.tradewind.serving.catalogue.SearchRequest;
import io.tradewind.serving.catalogue.SearchResult;
import io.tradewind.serving.catalogue.UserAffinity;
import io.tradewind.serving.metrics.ServingMetrics;
import io.tradewind.serving.recommend.ActiveVersion;
import io.tradewind.serving.recommend.ActiveVersionTracker;
import io.tradewind.serving.store.ServingStore;
import io.tradewind.serving.store.StoreUnavailableException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/search?q=&user=&country=&category=&priceMin=&priceMax=&page=&size=}. The user's portrait (HBase)
 * personalises the order; an unknown user, or HBase being down, gives the neutral order rather than an error.
 * Elasticsearch down is a 503: there is no honest search answer from memory.
 */
final class SearchEndpoint implements Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SearchEndpoint.class);
    private static final List<String> PARAMETERS = List.of("q", "country", "category", "priceMin", "priceMax", "page", "size");

    /** The answer: the search result plus whose portrait shaped it. */
    record SearchAnswer(String user, boolean personalised, SearchResult result) {
    }

    private final ProductSearch search;
    private final ActiveVersionTracker versions;
    private final ServingStore store;
    private final ServingMetrics metrics;

    SearchEndpoint(ProductSearch search, ActiveVersionTracker versions, ServingStore store, ServingMetrics metrics) {
        this.search = search;
        this.versions = versions;
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public Object handle(ApiRequest request) {
        Map<String, String> params = new HashMap<>();
        for (String name : PARAMETERS) {
            request.string(name).ifPresent(v -> params.put(name, v));
        }
        SearchRequest query;
        try {
            query = SearchRequest.fromParameters(params);
        } catch (InvalidSearchRequestException e) {
            throw new ApiException(400, e.getMessage(), Map.of("parameter", e.parameter()));
        }
        Optional<String> user = request.string("user");
        Optional<UserAffinity> affinity = user.flatMap(this::affinity);
        try {
            SearchResult result = search.search(query, affinity);
            return new SearchAnswer(user.orElse(null), result.personalised(), result);
        } catch (StoreUnavailableException e) {
            metrics.storeError("elasticsearch");
            LOG.warn("search unavailable: {}", e.getMessage(), e);
            throw new ApiException(503, "search is unavailable: " + e.publicMessage());
        } catch (ElasticsearchRequestException e) {
            // Elasticsearch refused the query built from this request: the request's fault if 4xx, the store's if 5xx.
            // Its reason names Elasticsearch's internals, so it goes to the log, not to the shop.
            metrics.storeError("elasticsearch");
            LOG.warn("Elasticsearch refused a search: {}", e.getMessage(), e);
            if (e.status() >= 400 && e.status() < 500) {
                throw new ApiException(400, "this search cannot be run: the product catalogue refused it; "
                        + "try other words or filters");
            }
            throw new ApiException(503, "search is unavailable: the product catalogue failed (status " + e.status()
                    + "); try again shortly");
        }
    }

    private Optional<UserAffinity> affinity(String user) {
        Optional<ActiveVersion> version = versions.current();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        try {
            // One Get for both: on a busy machine each HBase round trip adds its own tail to the search's.
            ServingStore.UserRow row = store.portraitAndRealtime(version.get().version(), user);
            Optional<UserAffinity> fromPortrait = row.portrait().map(UserAffinity::of);
            // Purchases since the batch lift those items ("bought recently"); the portrait gives the rest.
            // Latest first, so the limit keeps the newest and equal states give equal query bodies (which
            // Elasticsearch's request cache is keyed by).
            List<String> recent = row.realtime().recentPurchases().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
            return fromPortrait.map(a -> a.withRecentItems(recent));
        } catch (StoreUnavailableException e) {
            metrics.storeError("hbase");
            return Optional.empty();
        }
    }
}
