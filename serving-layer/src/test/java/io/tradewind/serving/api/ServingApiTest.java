package io.tradewind.serving.api;

import static io.tradewind.serving.ServingTestViews.FRENCH;
import static io.tradewind.serving.ServingTestViews.LOYAL;
import static io.tradewind.serving.ServingTestViews.NEWCOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.serving.ServingConfig;
import io.tradewind.serving.ServingLayer;
import io.tradewind.serving.ServingStack;
import io.tradewind.serving.ServingTestViews;
import io.tradewind.serving.SharedHBase;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.contracts.hbase.LiveSegment;
import io.tradewind.contracts.hbase.RealtimeItem;
import io.tradewind.contracts.hbase.RealtimeListWriter;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP API on real HBase, Elasticsearch and HDFS, with the hand-made views of {@link ServingTestViews}
 * published: what a shop calling it sees. Every JSON answer is also checked against openapi.yaml.
 */
@ExtendWith({SharedHBase.class, ServingStack.class})
class ServingApiTest {
    private static ServingStack.Running stack;
    private static ApiClient api;
    private static String shop;
    private static String admin;

    @BeforeAll
    static void connect() throws Exception {
        stack = ServingStack.running();
        api = new ApiClient(stack.baseUrl());
        shop = stack.shopKey();
        admin = stack.adminKey();
    }

    private static JsonNode recommendations(String user, String query) throws Exception {
        return api.get("/v1/users/{id}/recommendations", "/v1/users/" + user + "/recommendations" + query, shop, 200).json();
    }

    private static List<String> items(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(i -> out.add(i.path(field).asText()));
        return out;
    }

    @Test
    void aKnownUserGetsTheModelsListWithTitlesAndReasonsPaddedFromTheirSegment() throws Exception {
        JsonNode r = recommendations(LOYAL, "?k=6");

        assertEquals("known", r.path("stratum").asText());
        assertEquals("high-value", r.path("segment").asText());
        assertEquals("FreshBlend", r.path("model").asText(), "the preferred model answers by default");
        assertFalse(r.path("degraded").asBoolean());
        assertEquals(List.of("85123A", "21730", "84406B", "71053", "22423", "85099B"), items(r.path("items"), "item"),
                "four model items, then the segment's popular items (85123A/84406B/21730 already there), then overall");
        assertEquals("WHITE HANGING HEART T-LIGHT HOLDER", r.path("items").get(0).path("title").asText());
        assertEquals("model FreshBlend", r.path("items").get(0).path("because").asText());
        assertEquals("popular overall", r.path("items").get(4).path("because").asText());
    }

    @Test
    void trackNewKeepsOnlyItemsNewToTheUserAndAnyPublishedModelCanBeAskedFor() throws Exception {
        JsonNode fresh = recommendations(LOYAL, "?k=2&track=new");
        assertEquals(List.of("21730", "71053"), items(fresh.path("items"), "item"));
        assertEquals("new", fresh.path("track").asText());

        JsonNode ease = recommendations(LOYAL, "?k=2&model=ease");
        assertEquals("EASE", ease.path("model").asText());
        assertEquals(List.of("84406B", "85123A"), items(ease.path("items"), "item"));

        JsonNode unknown = api.get("/v1/users/{id}/recommendations", "/v1/users/" + LOYAL + "/recommendations?model=SVD",
                shop, 400).json();
        assertEquals("model", unknown.path("parameter").asText());
        assertTrue(unknown.path("error").asText().contains("FreshBlend"), "the error lists the published models");
    }

    @Test
    void realTimeEntriesNewerThanTheBatchRankInAndOlderOnesAreIgnored() throws Exception {
        long asOf = Instant.parse(ServingTestViews.AS_OF).toEpochMilli();
        RealtimeListWriter writer = new RealtimeListWriter(SharedHBase.loadingConnection(),
                HBaseStoreSettings.defaults().withNamespace("api"));
        writer.replace(FRENCH, List.of(
                new RealtimeItem("84879", 0.99f, "neighbour-of:22423", asOf + 3_600_000),
                new RealtimeItem("47566", 0.95f, "incremental", asOf - 3_600_000)));
        try {
            JsonNode r = recommendations(FRENCH, "?k=4");
            assertEquals(List.of("84879", "22423", "85099B", "47566"), items(r.path("items"), "item"));
            assertEquals("realtime", r.path("items").get(0).path("source").asText());
            assertEquals("neighbour of 22423", r.path("items").get(0).path("because").asText());
            assertEquals("batch", r.path("items").get(3).path("source").asText(),
                    "the stale real-time score of 47566 does not replace the batch one");
        } finally {
            writer.clear(FRENCH);
        }
        JsonNode after = recommendations(FRENCH, "?k=4");
        assertFalse(items(after.path("items"), "item").contains("84879"), "a cleared real-time list shows at once");
    }

    @Test
    void unknownAndNewUsersGetTheColdStartOfTheirStratumNeverAnError() throws Exception {
        JsonNode stranger = recommendations("no-such-user", "?k=3");
        assertEquals("unknown", stranger.path("stratum").asText());
        assertEquals(List.of("85123A", "22423", "85099B"), items(stranger.path("items"), "item"));
        assertEquals("popular overall", stranger.path("items").get(0).path("because").asText());

        JsonNode french = recommendations("no-such-user", "?k=2&country=France");
        assertEquals(List.of("22423", "85099B"), items(french.path("items"), "item"));
        assertEquals("popular in France", french.path("items").get(0).path("because").asText());

        JsonNode newcomer = recommendations(NEWCOMER, "?k=3");
        assertEquals("new", newcomer.path("stratum").asText());
        assertEquals(List.of("22752", "22633", "85123A"), items(newcomer.path("items"), "item"),
                "their portrait's country first (Germany), then overall");
    }

    @Test
    void similarItemsPortraitsAndSegmentsAnswerForKnownIdsAnd404ForUnknownOnes() throws Exception {
        JsonNode similar = api.get("/v1/items/{id}/similar", "/v1/items/85123A/similar?k=2", shop, 200).json();
        assertEquals(List.of("21730", "71053"), items(similar.path("similar"), "item"));
        assertEquals("GLASS STAR FROSTED T-LIGHT HOLDER", similar.path("similar").get(0).path("title").asText());
        JsonNode noItem = api.get("/v1/items/{id}/similar", "/v1/items/NOPE/similar", shop, 404).json();
        assertTrue(noItem.path("error").asText().contains("NOPE"));

        JsonNode portrait = api.get("/v1/users/{id}/portrait", "/v1/users/" + FRENCH + "/portrait", shop, 200).json();
        assertEquals("active", portrait.path("portrait").path("segment").asText());
        assertEquals("France", portrait.path("portrait").path("habits").path("country").asText());
        api.get("/v1/users/{id}/portrait", "/v1/users/no-such-user/portrait", shop, 404);

        JsonNode segments = api.get("/v1/segments", "/v1/segments", shop, 200).json();
        assertEquals(2, segments.path("segmentation").path("segments").size());
        assertEquals(LOYAL, segments.path("segmentation").path("examples").path("high-value").get(0).asText());
    }

    /**
     * Live segments as the speed layer writes them (cell r:segment): the portrait keeps the batch segment and shows
     * the live one with its change time, a segment assigned against another version is ignored, a user the batch
     * does not know is found once bought, and the recommendations pad from the live segment's popular items.
     */
    @Test
    void theLiveSegmentShowsInThePortraitAndPicksTheSegmentPopularity() throws Exception {
        String version = servingVersion();
        // A live stream's event time is about now; an older stamp would sit under the family deletes of other tests'
        // clean-ups (HBase masks cells older than a delete marker).
        long changedAt = System.currentTimeMillis();
        RealtimeListWriter writer = new RealtimeListWriter(SharedHBase.loadingConnection(),
                HBaseStoreSettings.defaults().withNamespace("api"));
        writer.writeSegment(FRENCH, new LiveSegment(version, "high-value", changedAt, 0.1, 9, 950.0));
        writer.writeSegment(NEWCOMER, new LiveSegment(version, "active", changedAt, 0, 1, 12.0));
        writer.writeSegment("first-time-buyer", new LiveSegment(version, "active", changedAt, 0, 1, 3.0));
        writer.writeSegment(LOYAL, new LiveSegment("an-older-version", "dormant", changedAt, 300, 1, 1.0));
        try {
            JsonNode french = portrait(FRENCH, 200);
            assertEquals("active", french.path("portrait").path("segment").asText(), "the batch segment stays");
            assertEquals("high-value", french.path("liveSegment").asText());
            assertEquals(Instant.ofEpochMilli(changedAt).toString(), french.path("segmentChangedAt").asText());

            JsonNode loyal = portrait(LOYAL, 200);
            assertEquals("high-value", loyal.path("liveSegment").asText(), "another version's segment means nothing");
            assertTrue(loyal.path("segmentChangedAt").isMissingNode(), loyal.toString());

            JsonNode buyer = portrait("first-time-buyer", 200);
            assertTrue(buyer.path("portrait").isMissingNode(), buyer.toString());
            assertEquals("active", buyer.path("liveSegment").asText());

            JsonNode newcomer = recommendations(NEWCOMER, "?k=3");
            assertEquals("new", newcomer.path("stratum").asText(), "the batch knew no purchase");
            assertEquals("active", newcomer.path("segment").asText());
            assertEquals(List.of("85099B", "22423", "22752"), items(newcomer.path("items"), "item"),
                    "the live segment's popular items first, then the country's");
            assertEquals("popular in segment active", newcomer.path("items").get(0).path("because").asText());
            JsonNode frenchList = recommendations(FRENCH, "?k=8");
            assertEquals("high-value", frenchList.path("segment").asText());
            assertTrue(frenchList.toString().contains("popular in segment high-value"), frenchList.toString());
        } finally {
            for (String user : List.of(FRENCH, NEWCOMER, "first-time-buyer", LOYAL)) {
                writer.clear(user);
            }
        }
        assertEquals("active", portrait(FRENCH, 200).path("liveSegment").asText(), "the batch segment again");
        portrait("first-time-buyer", 404);
    }

    private static JsonNode portrait(String user, int status) throws Exception {
        return api.get("/v1/users/{id}/portrait", "/v1/users/" + user + "/portrait", shop, status).json();
    }

    @Test
    void searchSurvivesPluralsAndTyposAndIsPersonalisedPerUser() throws Exception {
        JsonNode holders = search("q=candle+holders", 200);
        List<String> found = items(holders.path("result").path("hits"), "itemId");
        assertTrue(found.containsAll(List.of("85123A", "21730")), "plural query finds HOLDER titles: " + found);
        assertTrue(holders.path("result").path("facets").path("prices").size() > 0, "facets come with the hits");

        JsonNode hart = search("q=hart", 200);
        assertTrue(hart.path("result").path("hits").get(0).path("title").asText().contains("HEART"),
                "a typo still finds heart items first: " + hart);

        List<String> neutral = items(search("size=10", 200).path("result").path("hits"), "itemId");
        List<String> forLoyal = items(search("size=10&user=" + LOYAL, 200).path("result").path("hits"), "itemId");
        List<String> forFrench = items(search("size=10&user=" + FRENCH, 200).path("result").path("hits"), "itemId");
        assertNotEquals(forLoyal, forFrench, "two different portraits, two orders");
        assertTrue(search("size=10&user=" + FRENCH, 200).path("personalised").asBoolean());
        assertFalse(search("size=10", 200).path("personalised").asBoolean());
        assertEquals(neutral, items(search("size=10&user=no-such-user", 200).path("result").path("hits"), "itemId"),
                "an unknown user gets the neutral order");
    }

    @Test
    void hostileQueryStringsGetResultsOrA400NeverA500() throws Exception {
        List<String> hostile = List.of("\"", "\\", "*", "\"heart", "heart\\", "title:heart OR 1=1",
                "{\"query\":{\"match_all\":{}}}", "<script>alert(1)</script>", "heart AND (", "x".repeat(10_000),
                "%00", "ü€ 漢字", "q=1&size=1000");
        for (String q : hostile) {
            ApiClient.Answer a = api.send("GET", "/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), shop, null);
            assertTrue(a.status() == 200 || a.status() == 400, "q=" + abbreviate(q) + " answered " + a.status() + " " + a.body());
            if (a.status() == 400) {
                assertEquals("q", a.json().path("parameter").asText(), a.body());
            }
        }
        ApiClient.Answer longUser = api.send("GET", "/v1/users/" + "u".repeat(5_000) + "/recommendations", shop, null);
        assertEquals(400, longUser.status(), longUser.body());
    }

    @Test
    void badParametersAreA400NamingTheParameter() throws Exception {
        assertBad("/v1/users/" + LOYAL + "/recommendations?k=0", "k");
        assertBad("/v1/users/" + LOYAL + "/recommendations?k=ten", "k");
        assertBad("/v1/users/" + LOYAL + "/recommendations?track=old", "track");
        assertBad("/v1/users/" + LOYAL + "/recommendations?k=1&k=2", "k");
        assertBad("/v1/search?priceMin=-1", "priceMin");
        assertBad("/v1/search?priceMin=5&priceMax=2", "priceMax");
        assertBad("/v1/search?size=1000", "size");
        assertBad("/v1/search?page=0", "page");
        assertBad("/v1/items/85123A/similar?k=-3", "k");
    }

    @Test
    void eventsGoToTheStreamAllOrNothing() throws Exception {
        String batch = """
                [{"eventId":"api-test-1","userId":"12347","itemId":"22423","type":"BUY","timestamp":"2011-12-10T10:00:00Z",
                  "quantity":2,"unitPrice":12.75,"currency":"GBP","country":"United Kingdom"},
                 {"userId":"12347","itemId":"85123A","type":"view","timestamp":1323511200000}]""";
        JsonNode accepted = api.call("POST", "/v1/events", "/v1/events", shop, batch, 202).json();
        assertEquals(2, accepted.path("accepted").asInt());
        String derivedId = accepted.path("eventIds").get(1).asText();
        assertEquals("api-test-1", accepted.path("eventIds").get(0).asText());
        assertEquals(derivedId, api.call("POST", "/v1/events", "/v1/events", shop, batch, 202).json()
                .path("eventIds").get(1).asText(), "a retry carries the same derived id, so the stream drops it");
        assertFalse(accepted.toString().contains("hdfs"), "the answer names no internal store");

        String ndjson = """
                {"eventId":"api-test-3","userId":"12347","itemId":"21730","type":"cart","timestamp":1323511200000}

                {"eventId":"api-test-4","userId":"12347","itemId":"21730","type":"fav","timestamp":1323511260000}
                """;
        assertEquals(2, api.call("POST", "/v1/events", "/v1/events", shop, HttpRequest.BodyPublishers.ofString(ndjson),
                "application/x-ndjson", 202).json().path("accepted").asInt());

        String mixed = """
                [{"eventId":"api-test-5","userId":"u1","itemId":"22423","type":"BUY","timestamp":"2011-12-10T10:00:00Z"},
                 {"userId":"u2","itemId":"22423","type":"PURCHASE","timestamp":"yesterday","colour":"red"}]""";
        JsonNode rejected = api.call("POST", "/v1/events", "/v1/events", shop, mixed, 400).json();
        assertEquals(1, rejected.path("events").size());
        assertEquals(1, rejected.path("events").get(0).path("index").asInt());
        assertEquals(3, rejected.path("events").get(0).path("problems").size(), rejected.toString());
        JsonNode future = api.call("POST", "/v1/events", "/v1/events", shop, """
                {"eventId":"api-test-6","userId":"u1","itemId":"22423","type":"BUY","timestamp":"2099-01-01T00:00:00Z"}""",
                400).json();
        assertTrue(future.path("events").get(0).path("problems").get(0).asText()
                .startsWith("timestamp: 2099-01-01T00:00:00Z is more than 300 s ahead"), future.toString());

        String one = "{\"eventId\":\"api-test-7\",\"userId\":\"u1\",\"itemId\":\"22423\",\"type\":\"view\",\"timestamp\":1323511200000}";
        assertTrue(api.call("POST", "/v1/events", "/v1/events", shop, one + one, 400).json().path("error").asText()
                .startsWith("body is not one JSON value: more than one JSON value (at line 1"));
        assertTrue(api.call("POST", "/v1/events", "/v1/events", shop, one + " xyz", 400).json().path("error").asText()
                .startsWith("body is not one JSON value: not JSON at line 1"));
        assertEquals("body is not one JSON value: nested deeper than 16 levels", api.call("POST", "/v1/events",
                "/v1/events", shop, "[".repeat(5000) + "]".repeat(5000), 400).json().path("error").asText());
        api.call("POST", "/v1/events", "/v1/events", shop, "{not json", 400);

        String huge = "[" + (one + ",").repeat(50_000) + one + "]"; // about 5 MiB
        assertTrue(api.call("POST", "/v1/events", "/v1/events", shop, huge, 413).json().path("error").asText()
                .startsWith("request body larger than"));
        assertEquals(413, api.call("POST", "/v1/events", "/v1/events", shop,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))),
                "application/json", 413).status(), "a chunked body over the limit is a 413 too, not a reset");

        List<String> onTopic = EventTopic.ids(stack.kafka(), stack.events().topic(), 5);
        assertEquals(List.of("api-test-1", derivedId, "api-test-1", derivedId, "api-test-3", "api-test-4"),
                onTopic.stream().filter(id -> id.equals(derivedId) || id.startsWith("api-test-")).toList(),
                "the valid events, in order; nothing of a refused request");
    }

    @Test
    void malformedBodiesAreA400InWordsNamingNoParserClass() throws Exception {
        List<ApiClient.Answer> answers = new ArrayList<>();
        for (String body : List.of("{not json", "{\"userId\": }", "[1, 2", "{\"userId\": [1, 2], \"type\": {}}",
                "{\"userId\": \"u1\", \"type\": \"BUY\", \"timestamp\": \"yesterday\", \"quantity\": 1.5e400}",
                "\"\\ud800\"", "nul")) {
            answers.add(api.call("POST", "/v1/events", "/v1/events", shop, body, 400));
        }
        for (String body : List.of("{bad", "{\"name\": 5, \"keywords\": \"x\"}", "{\"name\": \"x\", \"keywords\": [[]]}",
                "[]")) {
            answers.add(api.call("POST", "/v1/admin/categories", "/v1/admin/categories", admin, body, 400));
        }
        ShopFacingText.assertNamesNothingInternal(answers.toArray());
    }

    @Test
    void aStoppedEventStreamIsA503AndWhatWasAcceptedStays() throws Exception {
        String event = """
                {"eventId":"outage-1","userId":"u1","itemId":"22423","type":"view","timestamp":1323511200000}""";
        api.call("POST", "/v1/events", "/v1/events", shop, event, 202);
        stack.kafka().stop();
        try {
            JsonNode refused = api.call("POST", "/v1/events", "/v1/events", shop, event.replace("outage-1", "outage-2"),
                    503).json();
            assertTrue(refused.path("error").asText().startsWith("the event stream cannot take events now"), refused.toString());
            ShopFacingText.assertNamesNothingInternal(refused.toString());
            assertEquals("down", api.get("/health", "/health", admin, 503).json().path("dependencies").path("event-stream")
                    .path("status").asText());
        } finally {
            stack.kafka().restart();
        }
        api.call("POST", "/v1/events", "/v1/events", shop, event.replace("outage-1", "outage-3"), 202);
        List<String> ids = EventTopic.ids(stack.kafka(), stack.events().topic(), 5);
        assertTrue(ids.contains("outage-1") && ids.contains("outage-3"), ids.toString());
    }

    @Test
    void justBoughtItemsLeaveNewToYouOnceTheSpeedLayerRecordsThem() throws Exception {
        assertEquals(List.of("21730", "71053", "22423", "85099B", "47566"),
                items(recommendations(LOYAL, "?k=5&track=new").path("items"), "item"),
                "new to the user: the fresh list, then popular items minus what the batch shows they bought (85123A, 84406B)");
        RealtimeListWriter speedLayer = new RealtimeListWriter(SharedHBase.loadingConnection(),
                HBaseStoreSettings.defaults().withNamespace("api"));
        speedLayer.recordPurchases(LOYAL, java.util.Map.of("22423", Instant.parse("2011-12-10T10:00:00Z").toEpochMilli()));
        try {
            assertEquals(List.of("21730", "71053", "85099B", "47566", "84879"),
                    items(recommendations(LOYAL, "?k=5&track=new").path("items"), "item"),
                    "the cake stand bought a moment ago is no longer 'new to you'");
            assertTrue(items(recommendations(LOYAL, "?k=10").path("items"), "item").contains("22423"),
                    "track=all may still offer it (replenishment)");
        } finally {
            speedLayer.clear(LOYAL);
        }
    }

    @Test
    void keysAreRequiredAndRolesAreEnforced() throws Exception {
        JsonNode none = api.get("/v1/segments", "/v1/segments", null, 401).json();
        assertTrue(none.path("error").asText().contains("X-Api-Key"));
        api.get("/v1/segments", "/v1/segments", "tw_shop_guessed", 401);
        api.get("/v1/admin/versions", "/v1/admin/versions", shop, 403);
        api.get("/v1/admin/versions", "/v1/admin/versions", admin, 200);
        api.get("/v1/segments", "/v1/segments", admin, 200);
    }

    @Test
    void categoriesDriveTheCataloguesCategoryFieldAndEveryChangeIsAudited() throws Exception {
        JsonNode created = api.call("POST", "/v1/admin/categories", "/v1/admin/categories", admin,
                "{\"name\":\"Candles & Holders\",\"keywords\":[\"holder\",\"lantern\"]}", 201).json();
        assertEquals("candles-holders", created.path("category").path("id").asText());
        assertEquals(3, created.path("itemsChanged").asInt(), "two T-light holders and the lantern");
        assertEquals(List.of("21730", "71053", "85123A"),
                new ArrayList<>(new TreeSet<>(items(search("category=Candles+%26+Holders", 200).path("result").path("hits"), "itemId"))));
        api.call("POST", "/v1/admin/categories", "/v1/admin/categories", admin,
                "{\"name\":\"Candles & Holders\",\"keywords\":[\"candle\"]}", 409);
        api.call("POST", "/v1/admin/categories", "/v1/admin/categories", admin, "{\"name\":\"x\"}", 400);

        JsonNode edited = api.call("PUT", "/v1/admin/categories/{id}", "/v1/admin/categories/candles-holders", admin,
                "{\"keywords\":[\"lantern\"]}", 200).json();
        assertEquals(2, edited.path("itemsChanged").asInt(), "the two holders lose the category");
        // The same search as above: Elasticsearch's request cache must not answer it from before the edit.
        assertEquals(List.of("71053"), items(search("category=Candles+%26+Holders", 200).path("result").path("hits"), "itemId"));

        api.call("DELETE", "/v1/admin/categories/{id}", "/v1/admin/categories/candles-holders", admin, null, 200);
        assertEquals(0, search("category=Candles+%26+Holders", 200).path("result").path("total").asInt());
        api.call("DELETE", "/v1/admin/categories/{id}", "/v1/admin/categories/candles-holders", admin, null, 404);

        JsonNode audit = api.get("/v1/admin/audit", "/v1/admin/audit?limit=3", admin, 200).json();
        assertEquals(List.of("delete-category", "edit-category", "create-category"), items(audit.path("entries"), "action"));
        assertEquals("test-admin", audit.path("entries").get(0).path("actor").asText());
    }

    @Test
    void publishingANewVersionAndRollingBackSwitchRecommendationsAndSearchAtOnce() throws Exception {
        ServingTestViews.write(stack.viewsUri(), "v2", stack.hdfs().configuration());
        // Published from another process's point of view (as ./tradewind publish does): the API finds out by polling.
        try (ServingLayer cli = ServingLayer.open(ServingConfig.of(SharedHBase.configuration(), stack.hdfs().configuration(),
                stack.elasticsearch().uri(), stack.events(), null)
                .withHBaseSettings(HBaseStoreSettings.defaults().withNamespace("api")), ProgressListener.NONE)) {
            cli.publisher().publish(stack.viewsUri(), Optional.of("v2"));
        }
        // Waits on the portrait, which reads no titles: nothing but the flip's warm-up reads v2's items.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!"v2".equals(servingVersion()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("v2", servingVersion(), "a flip made elsewhere shows within seconds");
        double itemReadsBefore = cacheRequests("item", "miss");
        JsonNode warm = recommendations(FRENCH, "?k=8&model=EASE");
        assertEquals("v2", warm.path("version").asText());
        assertFalse(warm.path("items").get(0).path("title").asText().isEmpty(), warm.toString());
        assertEquals(itemReadsBefore, cacheRequests("item", "miss"), "v2's items were read before it served");
        assertEquals("v2", recommendations(LOYAL, "").path("version").asText());

        JsonNode versions = api.get("/v1/admin/versions", "/v1/admin/versions", admin, 200).json();
        assertEquals("v2", versions.path("active").asText());

        JsonNode back = api.call("POST", "/v1/admin/versions/rollback", "/v1/admin/versions/rollback", admin, null, 200).json();
        assertEquals("v1", back.path("to").asText());
        assertEquals("v1", recommendations(LOYAL, "").path("version").asText(), "no cached answer outlives the flip");
        assertEquals("v1", stack.layer().catalogue().indices().stream().filter(i -> i.live()).findFirst().orElseThrow().version());

        api.call("POST", "/v1/admin/versions/{version}/activate", "/v1/admin/versions/v2/activate", admin, null, 200);
        assertEquals("v2", recommendations(LOYAL, "").path("version").asText());
        api.call("POST", "/v1/admin/versions/{version}/activate", "/v1/admin/versions/v9/activate", admin, null, 404);
        api.call("POST", "/v1/admin/versions/rollback", "/v1/admin/versions/rollback", admin, null, 200);
        assertEquals("v1", recommendations(LOYAL, "").path("version").asText());
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentTellTheTruth() throws Exception {
        JsonNode anyone = api.get("/health", "/health", null, 200).json();
        assertEquals("{\"status\":\"up\"}", anyone.toString(), "without credentials: up or down, no details");
        assertEquals("{\"status\":\"up\"}", api.get("/health", "/health", shop, 200).json().toString(),
                "a shop key sees no details either");
        JsonNode health = api.get("/health", "/health", admin, 200).json();
        assertEquals("up", health.path("dependencies").path("hbase").path("status").asText());
        assertEquals("up", health.path("dependencies").path("elasticsearch").path("status").asText());

        recommendations(LOYAL, "");
        String metrics = api.get("/metrics", "/metrics", null, 200).body();
        assertTrue(metrics.contains("tradewind_http_requests_total{endpoint=\"recommendations\",status=\"200\"}"), metrics);
        assertTrue(metrics.contains("tradewind_http_request_duration_seconds_bucket{endpoint=\"recommendations\",le=\"0.01\"}"));
        assertTrue(metrics.contains("tradewind_cache_requests_total{cache=\"user-batch\",result=\"hit\"}"));

        TreeSet<String> routes = new TreeSet<>(stack.layer().startApi().routes());
        assertEquals(api.openApi().operations(), routes, "openapi.yaml documents exactly the routes the server has");
        assertTrue(api.get("/openapi.yaml", "/openapi.yaml", null, 200).body().startsWith("openapi: 3"));
        ApiClient.Answer nothing = api.send("GET", "/v1/nothing-here", shop, null);
        assertEquals(404, nothing.status());
        assertTrue(nothing.json().path("error").asText().contains("openapi.yaml"), nothing.body());
    }

    /** The version the API serves, from an answer that reads no item titles. */
    private static String servingVersion() throws Exception {
        return api.get("/v1/users/{id}/portrait", "/v1/users/" + LOYAL + "/portrait", shop, 200).json()
                .path("version").asText();
    }

    /** A counter of the item or user cache from /metrics. */
    private static double cacheRequests(String cache, String result) throws Exception {
        String prefix = "tradewind_cache_requests_total{cache=\"" + cache + "\",result=\"" + result + "\"} ";
        return api.get("/metrics", "/metrics", null, 200).body().lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()).trim())).findFirst().orElse(0);
    }

    private static JsonNode search(String query, int status) throws Exception {
        return api.get("/v1/search", "/v1/search?" + query, shop, status).json();
    }

    private static void assertBad(String path, String parameter) throws Exception {
        ApiClient.Answer a = api.send("GET", path, shop, null);
        assertEquals(400, a.status(), path + " answered " + a.body());
        assertEquals(parameter, a.json().path("parameter").asText(), path + ": " + a.body());
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
