package io.tradewind.serving.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradewind.serving.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Searches the live catalogue (through its alias, so an index swap is picked up by the next search) and
 * personalises the order for a known shopper. Thread-safe; one instance serves all requests.
 */
public final class ProductSearch {
    private final ElasticsearchConnection es;
    private final String alias;

    /** Searches the default alias {@value CatalogueIndex#DEFAULT_ALIAS}. */
    public ProductSearch(ElasticsearchConnection es) {
        this(es, CatalogueIndex.DEFAULT_ALIAS);
    }

    public ProductSearch(ElasticsearchConnection es, String alias) {
        this.es = es;
        this.alias = alias;
    }

    /**
     * Text search (or a browse by popularity when {@code q} is empty) with filters, facets and paging; with a user,
     * items on their country's and segment's most-bought lists, with their favourite title words or bought recently
     * move up (see {@link AffinityBoosts}).
     *
     * @throws StoreUnavailableException when Elasticsearch is down, too slow, or no catalogue has been built yet
     */
    public SearchResult search(SearchRequest request, Optional<UserAffinity> user) {
        JsonNode response;
        try {
            Call call = call(request, user);
            response = es.send("POST", call.path(), call.body(), call.parameters());
        } catch (ElasticsearchRequestException e) {
            if ("index_not_found_exception".equals(e.errorType())) {
                throw new StoreUnavailableException("no catalogue behind alias " + alias + " yet", e,
                        "no product catalogue has been published yet; try again after the first publish");
            }
            throw e;
        }
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode hit : response.path("hits").path("hits")) {
            JsonNode source = hit.path("_source");
            JsonNode price = source.path("price");
            JsonNode category = source.path("category");
            hits.add(new SearchHit(source.path("id").asText(), source.path("title").asText(),
                    price.isNumber() ? price.asDouble() : null,
                    category.isTextual() ? category.asText() : null,
                    texts(source.path("countries")), hit.path("_score").asDouble(),
                    AffinityBoosts.why(source, user)));
        }
        JsonNode aggs = response.path("aggregations");
        Facets facets = new Facets(prices(aggs.path("price")), counts(aggs.path("countries")),
                counts(aggs.path("categories")), counts(aggs.path("words")));
        return new SearchResult(response.path("hits").path("total").path("value").asLong(), request.page(),
                request.size(), hits, facets, user.isPresent());
    }

    /** One search as Elasticsearch receives it: a POST of {@code body} to {@code path} with {@code parameters}. */
    public record Call(String path, JsonNode body, Map<String, String> parameters) {
    }

    /**
     * What {@link #search} sends for this request, so a benchmark can send Elasticsearch the very same searches.
     * Elasticsearch's shard request cache (for hits too, which needs the explicit flag) answers a repeated
     * unpersonalised search from memory. Entries belong to the index and the shard's current reader, so none survives
     * a version flip (another index) or a refresh that changed the shard (a category edit). Personalised bodies are
     * one per user and query: caching them would only push the shared ones out.
     */
    public Call call(SearchRequest request, Optional<UserAffinity> user) {
        return new Call("/" + alias + "/_search", CatalogueQuery.body(request, user),
                user.isEmpty() ? Map.of("request_cache", "true") : Map.of());
    }

    private static List<PriceFacet> prices(JsonNode agg) {
        List<PriceFacet> out = new ArrayList<>();
        for (JsonNode bucket : agg.path("buckets")) {
            out.add(new PriceFacet(bucket.path("key").asText(), bucket.path("from").asDouble(0),
                    bucket.has("to") ? bucket.path("to").asDouble() : null, bucket.path("doc_count").asLong()));
        }
        return out;
    }

    private static List<FacetCount> counts(JsonNode agg) {
        List<FacetCount> out = new ArrayList<>();
        for (JsonNode bucket : agg.path("buckets")) {
            out.add(new FacetCount(bucket.path("key").asText(), bucket.path("doc_count").asLong()));
        }
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
