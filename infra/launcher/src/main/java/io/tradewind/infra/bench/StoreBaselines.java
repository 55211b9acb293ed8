package io.tradewind.infra.bench;

import io.tradewind.core.portrait.Portrait;
import io.tradewind.serving.ServingConfig;
import io.tradewind.serving.catalogue.ElasticsearchConnection;
import io.tradewind.serving.catalogue.ProductSearch;
import io.tradewind.serving.catalogue.SearchRequest;
import io.tradewind.serving.catalogue.UserAffinity;
import io.tradewind.serving.store.ServingStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The stores behind the API's two endpoints, driven on their own from the bench JVM with the API's own requests:
 * the HBase Get of a user's row that a recommendation reads on a first visit ({@link ServingStore#userRow}), and the
 * very search bodies the API sends Elasticsearch ({@link ProductSearch#call}). Measured in the same run, at the same
 * rate and mix, they are the baseline the API's latency is held against: what the API adds on top of its stores.
 */
final class StoreBaselines {
    private final ServingStore hbase;
    private final String version;
    private final ProductSearch search;
    private final Map<String, UserAffinity> affinities = new HashMap<>();

    /**
     * @param portraits the published portraits: a personalised search is shaped by the user's portrait, as in the
     *                  API (whose recent purchases are none here: no events arrive during the bench)
     */
    StoreBaselines(ServingStore hbase, String version, ElasticsearchConnection elasticsearch, List<Portrait> portraits) {
        this.hbase = hbase;
        this.version = version;
        this.search = new ProductSearch(elasticsearch);
        for (Portrait p : portraits) {
            affinities.put(p.userId(), UserAffinity.of(p).withRecentItems(List.of()));
        }
    }

    /** Reads of the users' rows, one request per user id, with the default model's lists as the API reads them. */
    OpenLoopLoad hbaseLoad(int connections) {
        OpenLoopLoad.Sender read = new OpenLoopLoad.Sender() {
            @Override
            public int send(String user) {
                hbase.userRow(version, ServingConfig.DEFAULT_MODEL, user);
                return 200; // a failure throws, and the load counts it as an error
            }

            @Override
            public void close() {
                // the store's connection is shared by every sender and closed by the bench
            }
        };
        return new OpenLoopLoad(() -> read, connections);
    }

    /**
     * The API search of query {@code q}, page size {@code size}, for {@code user} (null: unpersonalised) as a request
     * of {@link OpenLoopLoad#http(String, List, int)}: path and parameters, a newline, the body.
     */
    String elasticsearchRequest(String q, int size, String user) {
        Optional<UserAffinity> affinity = user == null ? Optional.empty() : Optional.ofNullable(affinities.get(user));
        ProductSearch.Call call = search.call(SearchRequest.fromParameters(Map.of("q", q, "size", String.valueOf(size))),
                affinity);
        StringBuilder request = new StringBuilder(call.path());
        char separator = '?';
        for (Map.Entry<String, String> p : call.parameters().entrySet()) {
            request.append(separator).append(p.getKey()).append('=').append(p.getValue());
            separator = '&';
        }
        return request.append('\n').append(call.body().toString()).toString();
    }

    /** {@link #elasticsearchRequest} of each request of a mix, for a load on Elasticsearch. */
    LongFunction<String> elasticsearchRequests(SearchMix mix, int size) {
        return i -> elasticsearchRequest(mix.query(i), size, mix.user(i));
    }
}
