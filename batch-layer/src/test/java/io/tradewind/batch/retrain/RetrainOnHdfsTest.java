package io.tradewind.batch.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.batch.ingest.EventImporter;
import io.tradewind.contracts.views.RfmBaselineView;
import io.tradewind.contracts.views.ViewJson;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.core.portrait.Rfm;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole batch layer on a real HDFS: import an Online Retail-shaped export, retrain with Flink, and read
 * the published version back as the serving layer will.
 */
class RetrainOnHdfsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static EmbeddedHdfs hdfs;
    static String events;
    static String views;
    static RetrainPipeline.Result published;

    /** One import and one retrain for the class: Flink and HDFS start-up dominate a tiny retrain. */
    @BeforeAll
    static void importAndRetrain() throws Exception {
        hdfs = EmbeddedHdfs.start(tmp.resolve("hdfs").toFile(), true);
        events = hdfs.uri() + "/tradewind/events";
        views = hdfs.uri() + "/tradewind/views";
        importShopHistory(hdfs, tmp, events);
        published = new RetrainPipeline(hdfs.configuration(), ProgressListener.NONE)
                .run(RetrainOptions.defaults(events, views, Instant.parse("2011-12-01T00:00:00Z")));
    }

    @AfterAll
    static void stop() {
        hdfs.close();
    }

    /** Imports {@link #shopHistory()} into the master data set {@code events}. */
    static void importShopHistory(EmbeddedHdfs hdfs, Path tmp, String events) throws Exception {
        Path csv = tmp.resolve("shop.csv");
        Files.writeString(csv, shopHistory());
        new EventImporter(hdfs.configuration()).run("online-retail", csv.toString(), events, ProgressListener.NONE);
    }

    static final String RETURNER = "13003";
    static final String RETURNED_ITEM = "21025";

    /**
     * 90 customers in three countries over 2011: each buys from "their" product family (A, B or C) every few
     * weeks, so co-purchase models have structure to find; every ninth buys only in the first months (lapsed).
     * Purchases fall on four days a month: each day is a partition file, and HDFS file round trips dominate.
     */
    static String shopHistory() {
        List<String> lines = new ArrayList<>();
        Random random = new Random(7);
        String[] countries = {"France", "Germany", "United Kingdom"};
        int invoice = 540000;
        for (int customer = 0; customer < 90; customer++) {
            int family = customer % 3;
            int lastMonth = customer % 9 == 0 ? 3 : 11; // every ninth customer stops buying after March
            for (int month = 1; month <= lastMonth; month++) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                invoice++;
                for (int line = 0; line < 3; line++) {
                    int item = family * 10 + random.nextInt(6);
                    lines.add(String.format("%d,%05d,%s,%d,2011-%02d-%02d 1%d:00:00,%.2f,%d.0,%s", invoice,
                            21000 + item, "FAMILY " + (char) ('A' + family) + " HEART ITEM " + item, 1 + random.nextInt(6),
                            month, 1 + 7 * random.nextInt(4), random.nextInt(8), 1.25 + item % 5, 13000 + customer,
                            countries[family]));
                }
            }
        }
        lines.add("C599999,21001,FAMILY A HEART ITEM 1,-2,2011-11-20 10:00:00,1.25,13000.0,France");
        // Customer 13003 (family A) buys a family-C item on three invoices of its own and sends all 15 back in one
        // return (times no other line has: day 2, 9h): the returns test's customer.
        for (int month = 6; month <= 8; month++) {
            lines.add(String.format("%d,%s,FAMILY C HEART ITEM 25,5,2011-%02d-02 09:00:00,2.25,%s.0,France", 599900 + month,
                    RETURNED_ITEM, month, RETURNER));
        }
        lines.add("C599990," + RETURNED_ITEM + ",FAMILY C HEART ITEM 25,-15,2011-09-02 09:00:00,2.25," + RETURNER
                + ".0,France");
        lines.add("599998,POST,POSTAGE,1,2011-11-20 10:00:00,18.00,13001.0,Germany");
        // Exports come in time order, as Online Retail does; the importer keeps a few date partitions open.
        lines.sort(java.util.Comparator.comparing((String line) -> line.split(",")[4]));
        return "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + String.join("\n", lines) + "\n";
    }

    @Test
    void retrainPublishesACompleteVersionAndSwitchesCurrent() throws Exception {
        RetrainPipeline.Result result = published;
        ViewStore store = new ViewStore(views, hdfs.configuration());
        assertEquals(Optional.of(result.version()), store.current());
        JsonNode manifest = JSON.readTree(read(views + "/" + result.version() + "/manifest.json"));
        assertEquals(90, manifest.path("input").path("users").asInt(), "every customer has a portrait");
        assertEquals(18, manifest.path("input").path("items").asInt(), "six items per family; POST is not an item");
        assertEquals(90, manifest.path("rowCounts").path("portraits.jsonl").asInt());
        assertEquals(90, manifest.path("rowCounts").path("toplists/FreshBlend.jsonl").asInt());
        assertEquals(18, manifest.path("rowCounts").path("neighbours.jsonl").asInt());
        assertEquals(List.of("Pop", "ItemKNN", "EASE", "ALS", "FreshBlend"),
                JSON.convertValue(manifest.path("models").findValuesAsText("name"), List.class));
        JsonNode blend = manifest.path("evaluation").path("models").path("FreshBlend").path("A");
        JsonNode pop = manifest.path("evaluation").path("models").path("Pop").path("A");
        assertTrue(blend.path("users").asInt() > 20, "hold-out has test users: " + blend);
        assertTrue(blend.path("ndcgAt10").asDouble() > pop.path("ndcgAt10").asDouble(),
                "the blend learns each customer's product family, popularity cannot: " + blend + " vs " + pop);

        // A customer of family B gets family-B items first; the item's neighbours stay in its family.
        JsonNode lists = JSON.readTree(firstLineMatching(views + "/" + result.version() + "/toplists/FreshBlend.jsonl",
                "\"user\":\"13001\""));
        assertTrue(lists.path("all").get(0).path("item").asText().matches("2101\\d"), lists.toString());
        JsonNode neighbours = JSON.readTree(firstLineMatching(views + "/" + result.version() + "/neighbours.jsonl",
                "\"item\":\"21020\""));
        assertTrue(neighbours.path("neighbours").get(0).path("item").asText().matches("2102\\d"), neighbours.toString());

        String report = read(views + "/" + result.version() + "/report.html");
        assertTrue(report.contains("Users per segment") && report.contains("data:image/png;base64,"));
        assertTrue(report.contains("NDCG track B"), "evaluation curves are charted");
    }

    /** The speed layer's live RFM starts from these rows: they must give back every portrait's RFM exactly. */
    @Test
    void theRfmBaselineGivesEveryBuyersPortraitRfm() throws Exception {
        String dirUri = views + "/" + published.version();
        JsonNode manifest = JSON.readTree(read(dirUri + "/manifest.json"));
        assertEquals(90, manifest.path("rowCounts").path(RfmBaselineView.FILE).asInt(), "every customer bought");
        Map<String, RfmBaselineView> rows = new HashMap<>();
        read(dirUri + "/" + RfmBaselineView.FILE).lines().forEach(line -> {
            try {
                RfmBaselineView row = ViewJson.MAPPER.readValue(line, RfmBaselineView.class);
                rows.put(row.user(), row);
            } catch (IOException e) {
                throw new AssertionError(line, e);
            }
        });
        long asOf = Instant.parse("2011-12-01T00:00:00Z").toEpochMilli();
        for (Portrait p : published.portraits()) {
            assertEquals(p.rfm(), Rfm.of(rows.get(p.userId()).totals(), asOf), p.userId());
        }
    }

    /**
     * Returns net out purchases everywhere a user sees them: 13003 bought item 21025 on three invoices and returned
     * all of it, so it is not their top recommendation, not among their own items, not counted as their purchase in
     * popularity, and those three invoices are not in their portrait's frequency or monetary value.
     */
    @Test
    void aWhollyReturnedItemIsNoPurchaseInListsPortraitsOrPopularity() throws Exception {
        String dir = views + "/" + published.version();
        JsonNode lists = JSON.readTree(firstLineMatching(dir + "/toplists/FreshBlend.jsonl",
                "\"user\":\"" + RETURNER + "\""));
        assertTrue(lists.path("all").get(0).path("item").asText().matches("2100\\d"),
                "a family-A customer's top item is of family A: " + lists);
        // With 18 items every list holds every item; "fresh" leaves out the user's own items, so the returned
        // item being in it says the user does not own it.
        assertTrue(lists.path("fresh").findValuesAsText("item").contains(RETURNED_ITEM),
                "the returned item is not one of the customer's own items: " + lists);
        for (String model : List.of("Pop", "ItemKNN", "EASE", "ALS")) {
            JsonNode top = JSON.readTree(firstLineMatching(dir + "/toplists/" + model + ".jsonl",
                    "\"user\":\"" + RETURNER + "\""));
            assertTrue(!top.path("all").get(0).path("item").asText().equals(RETURNED_ITEM), model + ": " + top);
        }

        // The portrait counts the family-A baskets only: the three returned invoices are no occasions, no value.
        Set<String> times = new java.util.TreeSet<>();
        double value = 0;
        for (String line : shopHistory().lines().skip(1).toList()) {
            String[] f = line.split(",");
            if (f[6].equals(RETURNER + ".0") && !f[0].startsWith("C") && !f[1].equals(RETURNED_ITEM)) {
                times.add(f[4]);
                value += Integer.parseInt(f[3]) * Double.parseDouble(f[5]);
            }
        }
        Portrait portrait = published.portraits().stream().filter(p -> p.userId().equals(RETURNER)).findFirst()
                .orElseThrow();
        assertEquals(times.size(), portrait.rfm().frequency(), "purchase occasions not wholly returned");
        assertEquals(value, portrait.rfm().monetary(), 1e-6, "value net of the returned item");

        // Popularity: the item's buyers are the family-C customers who kept it, not the returner.
        Set<String> keptBuyers = new java.util.HashSet<>();
        for (String line : shopHistory().lines().skip(1).toList()) {
            String[] f = line.split(",");
            if (f[1].equals(RETURNED_ITEM) && !f[0].startsWith("C") && !f[6].equals(RETURNER + ".0")) {
                keptBuyers.add(f[6]);
            }
        }
        JsonNode global = JSON.readTree(firstLineMatching(dir + "/popularity.jsonl", "\"scope\":\"global\""));
        int buyers = -1;
        for (JsonNode entry : global.path("items")) {
            if (entry.path("item").asText().equals(RETURNED_ITEM)) {
                buyers = entry.path("buyers").asInt();
            }
        }
        assertEquals(keptBuyers.size(), buyers, global.toString());
    }

    @Test
    void asOfBeforeAllDataFailsClearlyAndLeavesCurrentAlone() throws Exception {
        RetrainPipeline pipeline = new RetrainPipeline(hdfs.configuration(), ProgressListener.NONE);
        String good = published.version();
        IllegalArgumentException tooEarly = assertThrows(IllegalArgumentException.class, () ->
                pipeline.run(RetrainOptions.defaults(events, views, Instant.parse("2010-06-01T00:00:00Z"))));
        assertTrue(tooEarly.getMessage().startsWith("no events before --as-of 2010-06-01T00:00:00Z"), tooEarly.getMessage());
        assertEquals(Optional.of(good), new ViewStore(views, hdfs.configuration()).current());
        assertEquals(List.of(good), new ViewStore(views, hdfs.configuration()).versions());
    }

    private static String read(String uri) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = path.getFileSystem(hdfs.configuration());
        try (InputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String firstLineMatching(String uri, String needle) throws IOException {
        List<String> matches = new ArrayList<>();
        read(uri).lines().filter(l -> l.contains(needle)).forEach(matches::add);
        assertTrue(!matches.isEmpty(), "no line with " + needle + " in " + uri);
        return matches.get(0);
    }
}
