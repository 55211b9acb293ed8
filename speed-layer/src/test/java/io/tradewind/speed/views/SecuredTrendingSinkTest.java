package io.tradewind.speed.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.contracts.catalogue.CatalogueFields;
import io.tradewind.contracts.catalogue.ElasticsearchCredentials;
import io.tradewind.infra.embedded.EmbeddedElasticsearch;
import io.tradewind.speed.trending.TrendingChange;
import io.tradewind.speed.trending.TrendingSettings;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.apache.http.Header;
import org.apache.http.entity.ContentType;
import org.apache.http.message.BasicHeader;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a managed Elasticsearch (security on, as Elastic Cloud) the speed layer's trending writes authenticate as the
 * configured user; with a wrong password the job fails with the server's 401 instead of dropping the updates.
 */
class SecuredTrendingSinkTest {
    private static final ElasticsearchCredentials USER = new ElasticsearchCredentials("tradewind", "not-the-default-2");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static File workDir;
    static EmbeddedElasticsearch server;
    static RestClient admin;

    @BeforeAll
    static void startServerWithACatalogue() throws Exception {
        server = EmbeddedElasticsearch.builder(workDir).basicAuth(USER.username(), USER.password()).start();
        admin = RestClient.builder(org.apache.http.HttpHost.create(server.uri()))
                .setDefaultHeaders(new Header[] {new BasicHeader(ElasticsearchCredentials.HEADER, USER.authorization())})
                .build();
        send("PUT", "/cat-v1", "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"id\":{\"type\":\"keyword\"}}}}");
        send("POST", "/_aliases", "{\"actions\":[{\"add\":{\"index\":\"cat-v1\",\"alias\":\"cat\"}}]}");
        for (String item : List.of("A", "B")) {
            send("PUT", "/cat/_doc/" + item + "?refresh=true", "{\"id\":\"" + item + "\"}");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void trendingUpdatesReachASecuredCatalogueAsTheConfiguredUser() throws Exception {
        run(USER, List.of(new TrendingChange("A", List.of("GB", "FR"), 1_000L)));
        JsonNode a = JSON.readTree(send("GET", "/cat/_doc/A", null)).path("_source");
        List<String> countries = JSON.convertValue(a.path(CatalogueFields.TRENDING_IN_COUNTRY), List.class);
        assertEquals(List.of("GB", "FR"), countries);
        assertEquals(1_000L, a.path(CatalogueFields.TRENDING_AT).asLong());
    }

    @Test
    void aWrongPasswordFailsTheJobWithTheServersRefusal() throws Exception {
        ElasticsearchCredentials wrong = new ElasticsearchCredentials(USER.username(), "wrong-password");
        Exception failed = assertThrows(Exception.class,
                () -> run(wrong, List.of(new TrendingChange("B", List.of("DE"), 2_000L))));
        String cause = ExceptionUtils.stringifyException(failed);
        assertTrue(cause.contains("401"), cause);
        JsonNode b = JSON.readTree(send("GET", "/cat/_doc/B", null)).path("_source");
        assertTrue(b.path(CatalogueFields.TRENDING_IN_COUNTRY).isMissingNode(), b.toString());
    }

    /** A bounded job that writes these changes through the sink, as the speed layer's trending branch does. */
    private static void run(ElasticsearchCredentials user, List<TrendingChange> changes) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        TrendingSettings settings = TrendingSettings.defaults().publishingTo(server.uri(), "cat").authenticatingAs(user);
        env.fromData(changes).sinkTo(new CatalogueTrendingSink(settings));
        env.execute("secured trending sink test");
    }

    private static String send(String method, String path, String body) throws Exception {
        Request request = new Request(method, path);
        if (body != null) {
            request.setEntity(new NStringEntity(body, ContentType.APPLICATION_JSON));
        }
        return EntityUtils.toString(admin.performRequest(request).getEntity(), StandardCharsets.UTF_8);
    }
}
