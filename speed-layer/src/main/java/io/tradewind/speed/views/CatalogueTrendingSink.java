package io.tradewind.speed.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradewind.contracts.catalogue.CatalogueFields;
import io.tradewind.contracts.catalogue.ElasticsearchCredentials;
import io.tradewind.speed.trending.TrendingChange;
import io.tradewind.speed.trending.TrendingSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.entity.ContentType;
import org.apache.http.message.BasicHeader;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the trending fields of catalogue documents in place: one {@code _bulk} of partial updates ({@code doc}, no
 * scripts) through the catalogue alias, keyed by product id. Replays are harmless: an update sets the fields to
 * values that depend only on the window, and the board republishes every trending item at each window end.
 *
 * <p>A product the catalogue does not carry (bought in the stream, not in the batch version) has no document to
 * update: counted ({@code trendingNotInCatalogue}), not an error; nor is a catalogue that was never published.
 * Elasticsearch unreachable or overloaded: retried with back-off for up to {@link #GIVE_UP_AFTER_MILLIS} (the job
 * waits: back-pressure), then the job fails and restarts from its last checkpoint, losing nothing.
 */
public final class CatalogueTrendingSink implements Sink<TrendingChange> {
    static final long FLUSH_AFTER_MILLIS = 200;
    static final int MAX_BUFFERED = 500;
    static final long GIVE_UP_AFTER_MILLIS = 120_000;
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueTrendingSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

    /** The trending fields' part of the catalogue mapping, as the serving layer creates new catalogues with it. */
    private static final String TRENDING_MAPPING = trendingMapping();

    private final TrendingSettings settings;

    public CatalogueTrendingSink(TrendingSettings settings) {
        if (!settings.publishes()) {
            throw new IllegalArgumentException("no catalogue URL to publish trending items to");
        }
        this.settings = settings;
    }

    @Override
    @Deprecated
    public SinkWriter<TrendingChange> createWriter(InitContext context) {
        return new Writer(settings, context.getProcessingTimeService(),
                context.metricGroup().counter("trendingUpdatesWritten"),
                context.metricGroup().counter("trendingNotInCatalogue"));
    }

    @Override
    public SinkWriter<TrendingChange> createWriter(WriterInitContext context) {
        return new Writer(settings, context.getProcessingTimeService(),
                context.metricGroup().counter("trendingUpdatesWritten"),
                context.metricGroup().counter("trendingNotInCatalogue"));
    }

    private static String trendingMapping() {
        try {
            JsonNode properties = JSON.readTree(CatalogueFields.indexBody()).path("mappings").path("properties");
            ObjectNode mapping = JSON.createObjectNode();
            ObjectNode fields = mapping.putObject("properties");
            for (String field : List.of(CatalogueFields.TRENDING_IN_COUNTRY, CatalogueFields.TRENDING_AT)) {
                fields.set(field, properties.required(field));
            }
            return JSON.writeValueAsString(mapping);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(CatalogueFields.INDEX_RESOURCE + " lacks the trending fields", e);
        }
    }

    private static final class Writer implements SinkWriter<TrendingChange> {
        private final RestClient client;
        private final String alias;
        private final ProcessingTimeService time;
        private final Counter written;
        private final Counter notInCatalogue;
        private final List<TrendingChange> buffer = new ArrayList<>();
        private boolean flushScheduled;
        private boolean fieldsMapped;

        Writer(TrendingSettings settings, ProcessingTimeService time, Counter written, Counter notInCatalogue) {
            HttpHost[] hosts = Arrays.stream(settings.catalogueUrl().split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).map(HttpHost::create).toArray(HttpHost[]::new);
            RestClientBuilder rest = RestClient.builder(hosts)
                    .setRequestConfigCallback(rc -> rc.setConnectTimeout(1_000).setSocketTimeout(30_000));
            ElasticsearchCredentials user = settings.catalogueCredentials();
            if (user != null) {
                rest.setDefaultHeaders(new Header[] {new BasicHeader(ElasticsearchCredentials.HEADER, user.authorization())});
            }
            this.client = rest.build();
            this.alias = settings.catalogueAlias();
            this.time = time;
            this.written = written;
            this.notInCatalogue = notInCatalogue;
        }

        @Override
        public void write(TrendingChange change, Context context) throws IOException {
            buffer.add(change);
            if (buffer.size() >= MAX_BUFFERED) {
                send();
            } else if (!flushScheduled) {
                // A board arrives as a burst; send it whole shortly after, not at the next checkpoint.
                flushScheduled = true;
                time.registerTimer(time.getCurrentProcessingTime() + FLUSH_AFTER_MILLIS, t -> {
                    flushScheduled = false;
                    send();
                });
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            send();
        }

        private void send() throws IOException {
            if (buffer.isEmpty()) {
                return;
            }
            StringBuilder body = new StringBuilder();
            for (TrendingChange change : buffer) {
                body.append("{\"update\":{\"_id\":").append(JSON.writeValueAsString(change.item())).append("}}\n");
                ObjectNode doc = JSON.createObjectNode();
                var countries = doc.putArray(CatalogueFields.TRENDING_IN_COUNTRY);
                change.countries().forEach(countries::add);
                doc.put(CatalogueFields.TRENDING_AT, change.windowEnd());
                body.append(JSON.writeValueAsString(JSON.createObjectNode().set("doc", doc))).append('\n');
            }
            Request request = new Request("POST", "/" + alias + "/_bulk");
            request.addParameter("require_alias", "true");
            request.setEntity(new NStringEntity(body.toString(), NDJSON));
            JsonNode response = fieldsMapped || mapTrendingFields() ? sendWithRetries(request) : null;
            if (response == null) {
                LOG.warn("no catalogue behind alias {} yet: {} trending updates skipped", alias, buffer.size());
            } else {
                check(response);
                written.inc(buffer.size());
            }
            buffer.clear();
        }

        /**
         * Adds the trending fields to the mapping of the index behind the alias (additive, idempotent): a catalogue
         * published before the speed layer had trending has a strict mapping without them. False when no catalogue
         * exists yet.
         */
        private boolean mapTrendingFields() throws IOException {
            Request request = new Request("PUT", "/" + alias + "/_mapping");
            request.setEntity(new NStringEntity(TRENDING_MAPPING, ContentType.APPLICATION_JSON));
            fieldsMapped = sendWithRetries(request) != null;
            return fieldsMapped;
        }

        /** The response, or null when the alias does not exist yet (nothing to update). */
        private JsonNode sendWithRetries(Request request) throws IOException {
            long deadline = System.currentTimeMillis() + GIVE_UP_AFTER_MILLIS;
            long pause = 200;
            while (true) {
                try {
                    Response response = client.performRequest(request);
                    return JSON.readTree(EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
                } catch (ResponseException e) {
                    int status = e.getResponse().getStatusLine().getStatusCode();
                    if (status == 404) {
                        return null;
                    }
                    if (status != 429 && status < 500) {
                        throw e; // a request Elasticsearch understood and refused: retrying will not help
                    }
                    pause = waitOrGiveUp(deadline, pause, e);
                } catch (IOException e) {
                    pause = waitOrGiveUp(deadline, pause, e);
                }
            }
        }

        private static long waitOrGiveUp(long deadline, long pause, IOException cause) throws IOException {
            if (System.currentTimeMillis() + pause > deadline) {
                throw new IOException("Elasticsearch did not take the trending updates within "
                        + GIVE_UP_AFTER_MILLIS / 1000 + " s", cause);
            }
            LOG.warn("Elasticsearch cannot take trending updates ({}); retrying in {} ms", cause.getMessage(), pause);
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Elasticsearch", e);
            }
            return Math.min(pause * 2, 5_000);
        }

        private void check(JsonNode response) throws IOException {
            if (!response.path("errors").asBoolean(false)) {
                return;
            }
            for (JsonNode item : response.path("items")) {
                JsonNode result = item.path("update");
                if (result.path("status").asInt(200) < 300) {
                    continue;
                }
                String type = result.path("error").path("type").asText();
                if ("document_missing_exception".equals(type)) {
                    notInCatalogue.inc();
                } else if (!"index_not_found_exception".equals(type)) {
                    throw new IOException("Elasticsearch refused the trending update of " + result.path("_id").asText()
                            + ": " + result.path("error").path("reason").asText(type));
                }
            }
        }

        @Override
        public void close() throws IOException {
            client.close();
        }
    }
}
