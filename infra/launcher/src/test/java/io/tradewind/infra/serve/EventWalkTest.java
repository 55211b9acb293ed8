package io.tradewind.infra.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.batch.retrain.RetrainOptions;
import io.tradewind.batch.retrain.RetrainPipeline;
import io.tradewind.contracts.masterdata.DateRange;
import io.tradewind.contracts.masterdata.MasterDatasetReader;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.demo.DemoSlices;
import io.tradewind.infra.demo.EventReplay;
import io.tradewind.infra.demo.LiveReplay;
import io.tradewind.infra.demo.ReplaySlice;
import io.tradewind.infra.cli.TradewindCli;
import io.tradewind.serving.events.EventIntake;
import io.tradewind.serving.events.KafkaEventSink;
import io.tradewind.speed.SpeedLayerSettings;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One event's walk through the lambda architecture on real components, as a shop sees it: {@code POST /v1/events}
 * (serving layer) → Kafka → the speed layer's Flink job → HBase real-time views and the HDFS master data set → back
 * out of {@code GET /v1/users/{id}/recommendations}. The batch side is a real import and retrain of a small shop.
 * The demo's live replay runs on the same stack.
 */
public class EventWalkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();


    static ShopStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ShopStack.start("tradewind-walk", (events, views, fs) -> new RetrainPipeline(fs.configuration(),
                ProgressListener.NONE).run(RetrainOptions.defaults(events, views, Instant.parse("2011-12-01T00:00:00Z"))),
                new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPostedEventChangesTheUsersRecommendationsAndReachesTheMasterDataSet() throws Exception {
        String user = "13000"; // buys family A only
        String item = "21010"; // family B: never bought by this user
        long now = System.currentTimeMillis();
        JsonNode accepted = post("""
                [{"eventId":"walk-1","userId":"%s","itemId":"%s","type":"view","timestamp":%d},
                 {"eventId":"walk-2","userId":"%s","itemId":"%s","type":"cart","timestamp":%d}]"""
                .formatted(user, item, now, user, item, now + 1));
        assertEquals(2, accepted.path("accepted").asInt());

        long posted = System.nanoTime();
        JsonNode list = pollRecommendations(user, "", items -> items.stream()
                .anyMatch(i -> ("neighbour of " + item).equals(i.path("because").asText())));
        long visibleMillis = (System.nanoTime() - posted) / 1_000_000;
        JsonNode neighbour = realtime(list).stream()
                .filter(i -> ("neighbour of " + item).equals(i.path("because").asText())).findFirst().orElseThrow();
        assertTrue(neighbour.path("item").asText().startsWith("2101"), "a neighbour from family B: " + list);
        assertTrue(visibleMillis < 30_000, "visible after " + visibleMillis + " ms");

        String bought = neighbour.path("item").asText();
        post("""
                {"eventId":"walk-3","userId":"%s","itemId":"%s","type":"buy","timestamp":%d,"quantity":1,"unitPrice":2.5}"""
                .formatted(user, bought, now + 2));
        pollRecommendations(user, "&track=new", items -> items.stream().noneMatch(i -> bought.equals(i.path("item").asText())));

        Set<String> archived = pollArchive(Set.of("walk-1", "walk-2", "walk-3"));
        assertEquals(Set.of("walk-1", "walk-2", "walk-3"), archived);
    }

    /** The demo's live part on this stack: a shopper's December events replayed, their list printed before and after. */
    @Test
    void theDemosReplayShowsAShoppersListBeforeAndAfterTheirEvents() throws Exception {
        String user = "13001"; // bought family B all year; in December turns to family C
        Path december = stack.dir.resolve("december.csv");
        Files.writeString(december, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "581001,21020,FAMILY C ITEM 21020,2,2011-12-02 10:00:00,3.50,13001.0,France\n"
                + "581002,21021,FAMILY C ITEM 21021,1,2011-12-03 11:00:00,3.50,13001.0,France\n"
                + "581003,21022,FAMILY C ITEM 21022,3,2011-12-05 09:30:00,3.50,13001.0,France\n"
                + "581004,21000,FAMILY A ITEM 21000,1,2011-12-04 12:00:00,1.50,13003.0,France\n");
        ReplaySlice slice = DemoSlices.onlineRetailFrom(december, Instant.parse("2011-12-01T00:00:00Z"),
                stack.hdfs.configuration());
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();

        try (KafkaEventSink sink = new KafkaEventSink(EventIntake.of(stack.endpoints.kafka()));
                Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", stack.endpoints.kafka()))) {
            new LiveReplay(new EventReplay(sink, 100, ProgressListener.NONE), new ConsumerLag(admin,
                    SpeedLayerSettings.DEFAULT_EVENTS_TOPIC, SpeedLayerSettings.DEFAULT_CONSUMER_GROUP),
                    stack.session.baseUrl(), stack.shopKey, new PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8))
                    .run(slice, List.of(user));
        }

        String console = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(console.contains("Replaying Online Retail's held-back events: 4 events dated 2011-12-02T10:00:00Z to "
                + "2011-12-05T09:30:00Z"), console);
        assertTrue(console.contains("shopper 13001, 3 events in this replay"), console);
        assertTrue(!console.contains("stopped") && !console.contains("not caught up"), console);
        String after = console.substring(console.indexOf("shopper 13001 after the replay"));
        assertTrue(after.lines().anyMatch(line -> line.matches("\\s+\\+ 2102\\d .*realtime.*")),
                "a family C item the events brought in, marked +: " + console);
        assertTrue(console.substring(0, console.indexOf("after the replay")).lines()
                .noneMatch(line -> line.contains(" 2102")), "no family C item before: " + console);
    }

    @Test
    void anotherShellsCommandsFindTheRunningStackThroughTheFileItWrote() throws Exception {
        Path running = stack.runningStackFile;
        PlatformConfig written = PlatformConfig.load(running, Map.of());
        assertEquals(stack.session.baseUrl(), "http://127.0.0.1:" + written.integer(PlatformKeys.API_PORT));
        assertEquals(stack.endpoints.viewsUri(), written.text(PlatformKeys.STORAGE_VIEWS).orElseThrow());

        assertEquals(0, TradewindCli.run("publish", "--config", running.toString()), "the version serving: a no-op");

        PrintStream console = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int code;
        // As a person types it in another shell, with no option: the running stack is found through its file (issue 14:
        // the key once went to target/serving/api-keys.json while a demo read target/demo/api-keys.json).
        String previousHome = System.getProperty("tradewind.home");
        System.setProperty("tradewind.home", stack.home.toString());
        try {
            code = TradewindCli.run("keys", "--name", "walk-shop", "--role", "shop");
        } finally {
            System.setOut(console);
            if (previousHome == null) {
                System.clearProperty("tradewind.home");
            } else {
                System.setProperty("tradewind.home", previousHome);
            }
        }
        assertEquals(0, code);
        String key = printed.toString(StandardCharsets.UTF_8).strip();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = HTTP.send(HttpRequest.newBuilder(URI.create(stack.session.baseUrl() + "/v1/users/13000/recommendations"))
                    .header("X-Api-Key", key).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            Thread.sleep(200);
        }
        assertEquals(200, status, "the key 'keys' wrote into the running stack's key file is accepted by its API");
    }

    private static List<JsonNode> realtime(JsonNode answer) {
        List<JsonNode> out = new ArrayList<>();
        answer.path("items").forEach(i -> {
            if ("realtime".equals(i.path("source").asText())) {
                out.add(i);
            }
        });
        return out;
    }

    private static JsonNode pollRecommendations(String user, String query, Predicate<List<JsonNode>> until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode answer = null;
        while (System.nanoTime() < deadline) {
            answer = get("/v1/users/" + user + "/recommendations?k=10" + query);
            List<JsonNode> items = new ArrayList<>();
            answer.path("items").forEach(items::add);
            if (until.test(items)) {
                return answer;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the recommendations never showed the events: " + answer);
    }

    private static Set<String> pollArchive(Set<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Set<String> found = Set.of();
        while (System.nanoTime() < deadline) {
            try (Stream<BehaviourEvent> all = MasterDatasetReader.at(stack.endpoints.eventsUri(), stack.hdfs.configuration())
                    .events(DateRange.all())) {
                found = all.map(BehaviourEvent::eventId).filter(ids::contains).collect(Collectors.toSet());
            }
            if (found.size() == ids.size()) {
                return found;
            }
            Thread.sleep(500);
        }
        return found;
    }

    private static JsonNode post(String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.session.baseUrl() + "/v1/events"))
                .header("X-Api-Key", stack.shopKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.session.baseUrl() + path))
                .header("X-Api-Key", stack.shopKey).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /**
     * 60 customers, each loyal to one of three product families (items 21000-21005, 21010-21015, 21020-21025), buying
     * a few items of it every month of 2011, so item neighbours stay within a family.
     */
    public static String familyShop() {
        List<String> lines = new ArrayList<>();
        Random random = new Random(11);
        int invoice = 550000;
        for (int customer = 0; customer < 60; customer++) {
            int family = customer % 3;
            for (int month = 1; month <= 11; month++) {
                invoice++;
                for (int line = 0; line < 3; line++) {
                    int item = 21000 + family * 10 + random.nextInt(6);
                    lines.add(String.format("%d,%d,FAMILY %c ITEM %d,%d,2011-%02d-%02d 10:00:00,%.2f,%d.0,France", invoice,
                            item, (char) ('A' + family), item, 1 + random.nextInt(3), month, 1 + random.nextInt(27),
                            1.5 + family, 13000 + customer));
                }
            }
        }
        lines.sort(java.util.Comparator.comparing((String line) -> line.split(",")[4]));
        return "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + String.join("\n", lines) + "\n";
    }
}
