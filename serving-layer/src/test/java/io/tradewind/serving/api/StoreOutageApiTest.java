package io.tradewind.serving.api;

import static io.tradewind.serving.ServingTestViews.FRENCH;
import static io.tradewind.serving.ServingTestViews.LOYAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradewind.serving.ServingStack;
import io.tradewind.serving.SharedHBase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stores going away under a running API: HBase down → recommendations from the popular lists in memory, marked
 * degraded, search unpersonalised; Elasticsearch down → search 503 with a reason; health says which; both recover
 * by themselves once the store is back. Each test restarts what it stopped.
 */
@ExtendWith({SharedHBase.class, ServingStack.class})
class StoreOutageApiTest {
    private static final Duration RECOVERY = Duration.ofSeconds(90);
    private static ServingStack.Running stack;
    private static ApiClient api;

    @BeforeAll
    static void connect() throws Exception {
        stack = ServingStack.running();
        api = new ApiClient(stack.baseUrl());
    }

    @Test
    void withHBaseDownRecommendationsComeFromMemoryMarkedDegradedAndRecover() throws Exception {
        assertFalse(recommendations(LOYAL, "").path("degraded").asBoolean());
        stack.hbase().stop();
        try {
            long started = System.nanoTime();
            JsonNode r = recommendations(FRENCH, "?k=2&country=France");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(r.path("degraded").asBoolean(), r.toString());
            assertEquals("22423", r.path("items").get(0).path("item").asText(), "France's popular list, held in memory");
            assertEquals("popular in France", r.path("items").get(0).path("because").asText());
            assertTrue(millis < 10_000, "a degraded answer must not wait for HBase's retries: " + millis + " ms");

            assertTrue(api.get("/v1/items/{id}/similar", "/v1/items/85123A/similar", stack.shopKey(), 200)
                    .json().path("degraded").asBoolean());
            JsonNode search = api.get("/v1/search", "/v1/search?q=heart&user=" + LOYAL, stack.shopKey(), 200).json();
            assertFalse(search.path("personalised").asBoolean(), "search still answers, without the portrait");

            assertEquals("{\"status\":\"down\"}", api.get("/health", "/health", null, 503).json().toString());
            JsonNode health = api.get("/health", "/health", stack.adminKey(), 503).json();
            assertEquals("down", health.path("dependencies").path("hbase").path("status").asText());
            assertEquals("up", health.path("dependencies").path("elasticsearch").path("status").asText());
            assertTrue(api.get("/metrics", "/metrics", null, 200).body()
                    .contains("tradewind_degraded_answers_total{endpoint=\"recommendations\"}"));

            // What a shop reads while HBase is down says what failed in words; the cause is in the server log.
            ApiClient.Answer portrait = api.get("/v1/users/{id}/portrait", "/v1/users/" + LOYAL + "/portrait",
                    stack.shopKey(), 503);
            assertEquals("the recommendations store is unavailable; try again shortly",
                    portrait.json().path("error").asText());
            ShopFacingText.assertNamesNothingInternal(portrait, recommendations(LOYAL, "?k=3").toString(), search.toString(),
                    api.send("GET", "/v1/users/nobody/portrait", stack.shopKey(), null),
                    api.send("GET", "/v1/segments", stack.shopKey(), null),
                    api.send("GET", "/v1/items/85123A/similar", stack.shopKey(), null));

            // The admin tables answer from the same fail-fast connection: a 503 in seconds, not minutes of retries.
            started = System.nanoTime();
            api.get("/v1/admin/categories", "/v1/admin/categories", stack.adminKey(), 503);
            millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 10_000, "the category list must not wait out the loading connection: " + millis + " ms");
        } finally {
            stack.hbase().restart();
        }
        JsonNode recovered = awaitStatus("/v1/users/" + FRENCH + "/recommendations?k=2", 200, "degraded", false);
        assertEquals("known", recovered.path("stratum").asText());
        api.get("/health", "/health", null, 200);
    }

    @Test
    void withElasticsearchDownSearchIsA503WithAReasonAndRecovers() throws Exception {
        stack.elasticsearch().stop();
        try {
            JsonNode down = api.get("/v1/search", "/v1/search?q=heart", stack.shopKey(), 503).json();
            assertEquals("search is unavailable: the product catalogue is unavailable; try again shortly",
                    down.path("error").asText(), down.toString());
            ShopFacingText.assertNamesNothingInternal(down.toString(),
                    api.send("GET", "/v1/search?q=heart&user=" + LOYAL + "&category=x&priceMin=1", stack.shopKey(), null));
            assertFalse(recommendations(LOYAL, "").path("degraded").asBoolean(), "recommendations do not need Elasticsearch");
            JsonNode health = api.get("/health", "/health", stack.adminKey(), 503).json();
            assertEquals("down", health.path("dependencies").path("elasticsearch").path("status").asText());
        } finally {
            stack.elasticsearch().restart();
        }
        JsonNode back = awaitStatus("/v1/search?q=heart", 200, null, null);
        assertTrue(back.path("result").path("total").asInt() > 0);
    }

    private static JsonNode recommendations(String user, String query) throws Exception {
        return api.get("/v1/users/{id}/recommendations", "/v1/users/" + user + "/recommendations" + query,
                stack.shopKey(), 200).json();
    }

    /** Polls until the path answers {@code status} (and, if given, {@code field} equals {@code value}). */
    private static JsonNode awaitStatus(String path, int status, String field, Object value) throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        ApiClient.Answer last = null;
        while (System.nanoTime() < deadline) {
            last = api.send("GET", path, stack.shopKey(), null);
            if (last.status() == status && (field == null || String.valueOf(value).equals(last.json().path(field).asText()))) {
                return last.json();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not recover within " + RECOVERY + "; last answer " + last);
    }
}
