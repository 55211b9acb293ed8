package io.tradewind.infra.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Elasticsearch server for the whole class: an index with a mapping the minimal distribution supports,
 * fuzzy matching, an alias swap, then stop and restart on the same data and port.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedElasticsearchTest {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearchTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAPPING = """
            {
              "settings": {"number_of_shards": 1, "number_of_replicas": 0},
              "mappings": {
                "properties": {
                  "sku":   {"type": "keyword"},
                  "title": {"type": "text", "analyzer": "standard"}
                }
              }
            }""";

    @TempDir
    static File workDir;

    private static EmbeddedElasticsearch es;
    private static RestClient client;

    @BeforeAll
    static void startElasticsearch() throws IOException {
        long started = System.nanoTime();
        es = EmbeddedElasticsearch.start(workDir);
        LOG.info("Elasticsearch started in {} ms; resident memory {} MiB", (System.nanoTime() - started) / 1_000_000,
                residentMiB(es.pid()));
        client = RestClient.builder(es.httpHost()).build();

        send("PUT", "/products_v1", MAPPING);
        indexProduct("products_v1", "p1", "Heart-shaped silver pendant");
        indexProduct("products_v1", "p2", "RED HEART COFFEE MUG");
        indexProduct("products_v1", "p3", "Blue ceramic vase");
        indexProduct("products_v1", "p4", "Wool scarf, heather grey");
        send("POST", "/products_v1/_refresh", null);
        send("POST", "/_aliases", "{\"actions\": [{\"add\": {\"index\": \"products_v1\", \"alias\": \"products\"}}]}");
    }

    @AfterAll
    static void stopElasticsearch() throws IOException {
        if (client != null) {
            client.close();
        }
        if (es != null) {
            es.close();
        }
    }

    @Test
    @Order(1)
    void startsOnLoopbackWithALogFile() throws IOException {
        assertTrue(es.uri().startsWith("http://127.0.0.1:"));
        JsonNode health = send("GET", "/_cluster/health", null);
        assertEquals("green", health.path("status").asText());
        assertTrue(Files.size(es.logFile()) > 0, "server log " + es.logFile());
    }

    @Test
    @Order(2)
    void fuzzyMatchFindsHeartForTheTypoHart() throws IOException {
        JsonNode result = send("POST", "/products/_search",
                "{\"query\": {\"match\": {\"title\": {\"query\": \"hart\", \"fuzziness\": \"AUTO\"}}}}");
        assertEquals(Set.of("p1", "p2"), ids(result));
    }

    @Test
    @Order(3)
    void aliasSwapMovesReadersToTheNewIndexAtomically() throws IOException {
        send("PUT", "/products_v2", MAPPING);
        indexProduct("products_v2", "p5", "Heart locket");
        send("POST", "/products_v2/_refresh", null);

        send("POST", "/_aliases", """
                {"actions": [
                  {"remove": {"index": "products_v1", "alias": "products"}},
                  {"add":    {"index": "products_v2", "alias": "products"}}
                ]}""");

        JsonNode result = send("POST", "/products/_search",
                "{\"query\": {\"match\": {\"title\": {\"query\": \"hart\", \"fuzziness\": \"AUTO\"}}}}");
        assertEquals(Set.of("p5"), ids(result));
        List<String> indices = new ArrayList<>();
        send("GET", "/_alias/products", null).fieldNames().forEachRemaining(indices::add);
        assertEquals(List.of("products_v2"), indices);

        // Swap back so later tests see the first index again.
        send("POST", "/_aliases", """
                {"actions": [
                  {"remove": {"index": "products_v2", "alias": "products"}},
                  {"add":    {"index": "products_v1", "alias": "products"}}
                ]}""");
    }

    @Test
    @Order(4)
    void stopThenRestartKeepsDataAndPort() throws IOException {
        int port = es.port();
        long launcherPid = es.pid();
        long stopping = System.nanoTime();
        es.stop();
        LOG.info("Elasticsearch stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
        assertFalse(es.isRunning());
        assertFalse(ProcessHandle.of(launcherPid).map(ProcessHandle::isAlive).orElse(false));
        assertThrows(IOException.class, () -> client.performRequest(new Request("GET", "/_cluster/health")));

        long restarting = System.nanoTime();
        es.restart();
        LOG.info("Elasticsearch restarted in {} ms", (System.nanoTime() - restarting) / 1_000_000);
        assertEquals(port, es.port());

        // The same client, unchanged, works again and finds the data written before the stop.
        assertEquals(4, send("GET", "/products_v1/_count", null).path("count").asInt());
        JsonNode result = send("POST", "/products/_search",
                "{\"query\": {\"match\": {\"title\": {\"query\": \"hart\", \"fuzziness\": \"AUTO\"}}}}");
        assertEquals(Set.of("p1", "p2"), ids(result));
    }

    @Test
    @Order(5)
    void aStartThatTimesOutSaysSoAndLeavesNoProcessBehind(@TempDir File otherDir) {
        IOException e = assertThrows(IOException.class,
                () -> EmbeddedElasticsearch.builder(otherDir).startTimeout(Duration.ofMillis(300)).start());
        assertTrue(e.getMessage().contains("did not reach yellow health within"), e.getMessage());
        String marker = otherDir.getAbsolutePath();
        List<String> left = ProcessHandle.allProcesses()
                .filter(h -> h.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false))
                .map(h -> h.pid() + " " + h.info().command().orElse("?"))
                .collect(Collectors.toList());
        assertEquals(List.of(), left);
    }

    private static void indexProduct(String index, String id, String title) throws IOException {
        send("PUT", "/" + index + "/_doc/" + id,
                JSON.createObjectNode().put("sku", id).put("title", title).toString());
    }

    private static JsonNode send(String method, String path, String body) throws IOException {
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(body);
        }
        Response response = client.performRequest(request);
        return JSON.readTree(response.getEntity().getContent());
    }

    private static Set<String> ids(JsonNode searchResult) {
        Set<String> ids = new TreeSet<>();
        searchResult.path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }

    /** Resident memory of the launcher and the server JVM it started. */
    private static long residentMiB(long pid) {
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(h -> {
            tree.add(h);
            h.descendants().forEach(tree::add);
        });
        long kib = 0;
        for (ProcessHandle h : tree) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(h.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kib += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                // Process gone or no /proc: report what was readable.
            }
        }
        return kib / 1024;
    }
}
