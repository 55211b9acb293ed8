package io.tradewind.batch.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.batch.ingest.EventImporter;
import io.tradewind.batch.ingest.ImportRequest;
import io.tradewind.batch.ingest.ImportSummary;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in source, and a click-only session log, imported and retrained end to end on a real HDFS and
 * Flink, on small generated data of each source's shape (no public data is copied): each publishes a version,
 * and what the data lacks (countries, prices, purchases) is said in signals.json and the report instead of
 * failing the retrain or printing zeros.
 */
class BuiltInSourcesRetrainTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Nov 2017, as the Taobao sample; the click log reuses the same days. */
    private static final long START_SECONDS = Instant.parse("2017-11-20T00:00:00Z").getEpochSecond();
    private static final Instant CLICKS_AS_OF = Instant.parse("2017-12-04T00:00:00Z");

    @TempDir
    static Path tmp;
    static EmbeddedHdfs hdfs;

    @BeforeAll
    static void start() throws IOException {
        hdfs = EmbeddedHdfs.start(tmp.resolve("hdfs").toFile(), true);
    }

    @AfterAll
    static void stop() {
        hdfs.close();
    }

    private static RetrainPipeline.Result importAndRetrain(String name, String source, String csv, Instant asOf)
            throws Exception {
        Path file = tmp.resolve(name + ".csv");
        Files.writeString(file, csv);
        String events = hdfs.uri() + "/" + name + "/events";
        ImportSummary summary = new EventImporter(hdfs.configuration())
                .run(ImportRequest.of(source, file.toString(), events));
        assertTrue(summary.written() > 0, summary.describe());
        return new RetrainPipeline(hdfs.configuration(), ProgressListener.NONE)
                .run(RetrainOptions.defaults(events, hdfs.uri() + "/" + name + "/views", asOf));
    }

    @Test
    void onlineRetailHasEverySignal() throws Exception {
        RetrainPipeline.Result r = importAndRetrain("online-retail", "online-retail", RetrainOnHdfsTest.shopHistory(),
                Instant.parse("2011-12-01T00:00:00Z"));

        JsonNode signals = JSON.readTree(read(r, RetrainSignals.FILE));
        assertTrue(signals.get("purchases").asBoolean() && signals.get("prices").asBoolean()
                && signals.get("countries").asBoolean() && signals.get("segmented").asBoolean(), signals.toString());
        assertEquals(0, signals.get("absent").size(), signals.toString());
        assertEquals(5.0, signals.get("matrixUnit").asDouble(), "a purchase log counts baskets, as before");
        assertTrue(read(r, "report.html").contains("Purchases, prices and countries are all present."));
    }

    @Test
    void taobaoWithoutCountriesOrPricesAndFewBuyersRetrains() throws Exception {
        RetrainPipeline.Result r = importAndRetrain("taobao", "taobao", taobaoShaped(), CLICKS_AS_OF);

        JsonNode signals = JSON.readTree(read(r, RetrainSignals.FILE));
        assertTrue(signals.get("purchases").asBoolean(), signals.toString());
        assertFalse(signals.get("prices").asBoolean());
        assertFalse(signals.get("countries").asBoolean());
        assertFalse(signals.get("segmented").asBoolean(), "two buyers are too few to segment");
        assertEquals(1.0, signals.get("matrixUnit").asDouble(), "a view is the unit when there are views");
        String report = read(r, "report.html");
        assertTrue(report.contains("countries: no per-country popularity lists"), report);
        assertTrue(report.contains("prices: portraits carry no monetary value"), report);
        assertFalse(report.contains("Users per country"), "no chart of nothing");
        JsonNode buyer = JSON.readTree(firstLine(r, "portraits.jsonl", "\"segment\":\"unsegmented\""));
        JsonNode monetary = buyer.get("rfm").path("monetary");
        assertTrue(monetary.isNull() || monetary.isMissingNode(), buyer.toString());
        assertFalse(firstLine(r, "toplists/ALS.jsonl", "\"user\"").isEmpty());
    }

    @Test
    void clickOnlySessionLogPublishesListsFromViews() throws Exception {
        Path mapping = tmp.resolve("clicks.json");
        Files.writeString(mapping, CLICK_LOG_MAPPING);
        RetrainPipeline.Result r = importAndRetrain("clicks", mapping.toString(), clickOnlyLog(), CLICKS_AS_OF);

        JsonNode signals = JSON.readTree(read(r, RetrainSignals.FILE));
        assertFalse(signals.get("purchases").asBoolean(), signals.toString());
        assertFalse(signals.get("evaluated").asBoolean());
        assertEquals(600L, signals.get("eventsByType").get("VIEW").asLong());
        assertTrue(signals.get("absent").get(0).asText().startsWith("purchases: the models learned from views"));
        assertEquals(0, r.manifest().input().buyers());
        assertTrue(r.portraits().stream().allMatch(p -> p.segment().equals("new")), "no buyer: all in the new stratum");
        // Sessions browse one of three families of items: the neighbours of an item come from its own family.
        JsonNode neighbours = JSON.readTree(firstLine(r, "neighbours.jsonl", "\"item\":\"f0-i0\""));
        assertTrue(neighbours.get("neighbours").get(0).get("item").asText().startsWith("f0-"), neighbours.toString());
        JsonNode popular = JSON.readTree(firstLine(r, "popularity.jsonl", "\"scope\":\"global\""));
        assertTrue(popular.get("items").size() > 0, popular.toString());
        String report = read(r, "report.html");
        assertTrue(report.contains("Not in this data set"), report);
        assertTrue(report.contains("view 600"), report);
    }

    /** The mapping of the README's click-only recipe: tab-separated, no header, fractional epoch seconds. */
    static final String CLICK_LOG_MAPPING = """
            {"source": "session-clicks",
             "csv": {"delimiter": "\\\\t", "header": false, "columns": ["session", "item", "time"]},
             "fields": {"userId": {"template": "session-{session}"}, "itemId": {"column": "item"},
                        "type": {"constant": "VIEW"},
                        "timestamp": {"column": "time", "time": {"format": "epoch-seconds"}}}}""";

    /** 60 sessions x 10 views, sorted by session (not time), each browsing one of three item families. */
    static String clickOnlyLog() {
        StringBuilder out = new StringBuilder();
        Random random = new Random(11);
        for (int session = 0; session < 60; session++) {
            int family = session % 3;
            long t = START_SECONDS + random.nextInt(13 * 86_400);
            for (int view = 0; view < 10; view++) {
                t += 5 + random.nextInt(120);
                out.append(session).append('\t').append("f").append(family).append("-i").append(random.nextInt(8))
                        .append('\t').append(t).append('.').append(random.nextInt(100)).append('\n');
            }
        }
        return out.toString();
    }

    /** Taobao's columns and codes: mostly page views, some favourites and cart adds, two buyers. */
    static String taobaoShaped() {
        List<String> lines = new ArrayList<>(List.of("user_id,item_id,category_id,behavior_type,timestamp"));
        Random random = new Random(5);
        String[] behaviours = {"pv", "pv", "pv", "pv", "pv", "pv", "fav", "cart"};
        for (int user = 0; user < 40; user++) {
            for (int e = 0; e < 8; e++) {
                int item = (user % 4) * 10 + random.nextInt(5);
                String behaviour = user < 2 && e == 7 ? "buy" : behaviours[random.nextInt(behaviours.length)];
                lines.add(String.format("%d,%d,%d,%s,%d", 1000 + user, item, item / 10, behaviour,
                        START_SECONDS + random.nextInt(13 * 86_400)));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String read(RetrainPipeline.Result r, String file) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(r.versionUri() + "/" + file);
        FileSystem fs = path.getFileSystem(hdfs.configuration());
        try (InputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String firstLine(RetrainPipeline.Result r, String file, String needle) throws IOException {
        return read(r, file).lines().filter(l -> l.contains(needle)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + needle + " in " + file));
    }
}
