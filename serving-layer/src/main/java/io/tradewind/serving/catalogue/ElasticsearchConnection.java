package io.tradewind.serving.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.contracts.catalogue.ElasticsearchCredentials;
import io.tradewind.serving.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.ContentType;
import org.apache.http.message.BasicHeader;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * One Elasticsearch cluster reached through the low-level REST client, with short timeouts so that a server that is
 * down or hanging surfaces as {@link StoreUnavailableException} within about a second instead of blocking a request
 * thread. Bulk requests get their own, longer socket timeout.
 *
 * <p>Errors the server reports for a request it understood (a missing index, a rejected mapping) come back as
 * {@link ElasticsearchRequestException}; only "cannot reach / too busy" is "unavailable".
 */
public final class ElasticsearchConnection implements AutoCloseable {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_BULK_TIMEOUT = Duration.ofSeconds(120);

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

    private final RestClient client;
    private final RequestOptions bulkOptions;
    private final String hosts;

    private ElasticsearchConnection(Builder b) {
        HttpHost[] parsed = Arrays.stream(b.urls.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(HttpHost::create)
                .toArray(HttpHost[]::new);
        if (parsed.length == 0) {
            throw new IllegalArgumentException("no Elasticsearch URL given");
        }
        int connectMs = Math.toIntExact(b.connectTimeout.toMillis());
        int socketMs = Math.toIntExact(b.socketTimeout.toMillis());
        RestClientBuilder rest = RestClient.builder(parsed)
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(connectMs)
                        .setConnectionRequestTimeout(connectMs)
                        .setSocketTimeout(socketMs));
        if (b.credentials != null) {
            rest.setDefaultHeaders(new Header[] {
                    new BasicHeader(ElasticsearchCredentials.HEADER, b.credentials.authorization())});
        }
        this.client = rest.build();
        this.bulkOptions = RequestOptions.DEFAULT.toBuilder()
                .setRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connectMs)
                        .setConnectionRequestTimeout(connectMs)
                        .setSocketTimeout(Math.toIntExact(b.bulkTimeout.toMillis()))
                        .build())
                .build();
        this.hosts = b.urls;
    }

    /** A connection with the default timeouts to e.g. {@code http://127.0.0.1:9200} (several URLs: comma-separated). */
    public static ElasticsearchConnection open(String url) {
        return builder(url).open();
    }

    public static Builder builder(String url) {
        return new Builder(url);
    }

    /**
     * The cluster's health status ({@code green}, {@code yellow}, {@code red}); {@code GET /} is refused by the minimal
     * distribution, so health is the liveness probe.
     */
    public String clusterStatus() {
        return get("/_cluster/health").path("status").asText("unknown");
    }

    /** GET/PUT/POST/DELETE with an optional JSON body; returns the parsed response (an empty object for none). */
    JsonNode send(String method, String endpoint, JsonNode body) {
        return send(method, endpoint, body, Map.of());
    }

    /** As {@link #send(String, String, JsonNode)} with query-string parameters. */
    JsonNode send(String method, String endpoint, JsonNode body, Map<String, String> parameters) {
        Request request = new Request(method, endpoint);
        parameters.forEach(request::addParameter);
        if (body != null) {
            request.setJsonEntity(body.toString());
        }
        return perform(request);
    }

    JsonNode get(String endpoint) {
        return send("GET", endpoint, null);
    }

    /** A {@code _bulk} request; {@code ndjson} is the action and document lines, each ending in a newline. */
    JsonNode bulk(String endpoint, String ndjson) {
        Request request = new Request("POST", endpoint);
        request.setEntity(new NStringEntity(ndjson, NDJSON));
        request.setOptions(bulkOptions);
        return perform(request);
    }

    private JsonNode perform(Request request) {
        try {
            Response response = client.performRequest(request);
            return parse(response);
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            JsonNode error = parseQuietly(e.getResponse());
            if (status == 429 || status == 502 || status == 503 || status == 504) {
                throw new StoreUnavailableException("Elasticsearch at " + hosts + " is overloaded or unavailable ("
                        + status + ") for " + describe(request), e, StoreUnavailableException.CATALOGUE);
            }
            throw new ElasticsearchRequestException(status, error, describe(request));
        } catch (IOException e) {
            throw new StoreUnavailableException("Elasticsearch at " + hosts + " did not answer " + describe(request)
                    + ": " + e, e, StoreUnavailableException.CATALOGUE);
        }
    }

    private static JsonNode parse(Response response) throws IOException {
        if (response.getEntity() == null) {
            return JSON.createObjectNode();
        }
        try (InputStream in = response.getEntity().getContent()) {
            JsonNode node = JSON.readTree(in);
            return node == null || node.isMissingNode() ? JSON.createObjectNode() : node;
        }
    }

    private static JsonNode parseQuietly(Response response) {
        try {
            return parse(response);
        } catch (IOException | RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static String describe(Request request) {
        return request.getMethod() + " " + request.getEndpoint();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // Closing only releases sockets and threads; nothing to recover.
        }
    }

    @Override
    public String toString() {
        return "Elasticsearch " + hosts;
    }

    /** Timeouts with defaults; {@link #open()} creates the connection (no request is made yet). */
    public static final class Builder {
        private final String urls;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration socketTimeout = DEFAULT_SOCKET_TIMEOUT;
        private Duration bulkTimeout = DEFAULT_BULK_TIMEOUT;
        private ElasticsearchCredentials credentials;

        private Builder(String urls) {
            this.urls = Objects.requireNonNull(urls, "url");
        }

        /** How long to wait for a TCP connection (and for a pooled one); default 1 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** How long a search or admin request may wait for data; default 5 s. */
        public Builder socketTimeout(Duration timeout) {
            this.socketTimeout = timeout;
            return this;
        }

        /** How long one bulk batch of an index build may take; default 120 s. */
        public Builder bulkTimeout(Duration timeout) {
            this.bulkTimeout = timeout;
            return this;
        }

        /** The user every request authenticates as; null (the default) sends none. */
        public Builder credentials(ElasticsearchCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public ElasticsearchConnection open() {
            return new ElasticsearchConnection(this);
        }
    }
}
