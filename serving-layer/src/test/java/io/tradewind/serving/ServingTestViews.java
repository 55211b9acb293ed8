package io.tradewind.serving;

import io.tradewind.contracts.views.ItemStat;
import io.tradewind.contracts.views.FactorView;
import io.tradewind.contracts.views.Manifest;
import io.tradewind.contracts.views.NeighboursView;
import io.tradewind.contracts.views.PopularityView;
import io.tradewind.contracts.views.SegmentsView;
import io.tradewind.contracts.views.TopListView;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.popularity.PopularityTable;
import io.tradewind.core.portrait.Habits;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.core.portrait.Rfm;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * A small, hand-made batch-view version of the shape the retrain writes, with Online Retail-like items, so API
 * tests can assert exact answers: two known customers in two segments, one new customer, ten products.
 */
public final class ServingTestViews {
    public static final String AS_OF = "2011-12-01T00:00:00Z";
    /** High-value customer in the United Kingdom who buys hearts and holders. */
    public static final String LOYAL = "12347";
    /** Active customer in France who buys bags and cake stands. */
    public static final String FRENCH = "12348";
    /** In the portraits, but without purchases in the window: the "new" stratum. */
    public static final String NEWCOMER = "12349";

    public static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("85123A", "WHITE HANGING HEART T-LIGHT HOLDER");
        TITLES.put("71053", "WHITE METAL LANTERN");
        TITLES.put("84406B", "CREAM CUPID HEARTS COAT HANGER");
        TITLES.put("22752", "SET 7 BABUSHKA NESTING BOXES");
        TITLES.put("21730", "GLASS STAR FROSTED T-LIGHT HOLDER");
        TITLES.put("22633", "HAND WARMER UNION JACK");
        TITLES.put("84879", "ASSORTED COLOUR BIRD ORNAMENT");
        TITLES.put("22423", "REGENCY CAKESTAND 3 TIER");
        TITLES.put("47566", "PARTY BUNTING");
        TITLES.put("85099B", "JUMBO BAG RED RETROSPOT");
    }

    private ServingTestViews() {
    }

    /** Writes version {@code version} under {@code rootUri} and points CURRENT at it. */
    public static void write(String rootUri, String version, Configuration conf) throws IOException {
        ViewStore store = new ViewStore(rootUri, conf);
        ViewStore.VersionWriter w = store.newVersion(version);
        Map<String, Long> rows = new LinkedHashMap<>();

        rows.put("portraits.jsonl", w.writeJsonLines("portraits.jsonl", List.of(
                new Portrait(LOYAL, "high-value", new Rfm(3, 12, 4310.5), new double[] {-1.2, 1.8, 1.9},
                        new Habits("United Kingdom", 10, "THURSDAY", List.of(), List.of("heart", "holder", "t-light"), 9.5, 359.2, 0.0)),
                new Portrait(FRENCH, "active", new Rfm(20, 4, 900.0), new double[] {-0.3, 0.6, 0.4},
                        new Habits("France", 14, "TUESDAY", List.of(), List.of("bag", "cakestand", "retrospot"), 6.0, 225.0, 0.05)),
                new Portrait(NEWCOMER, "new", null, null,
                        new Habits("Germany", -1, null, List.of(), List.of(), 0, 0, 0)))));

        SegmentsView segments = new SegmentsView(2, 2, "WCSS elbow, then best silhouette among elbow-1..elbow+1",
                List.of(new SegmentsView.KCurvePoint(2, 10.0, 0.6), new SegmentsView.KCurvePoint(3, 7.0, 0.4)),
                List.of(new SegmentsView.Segment("high-value", 1, new double[] {-1.2, 1.8, 1.9}, 3, 12, 4310.5),
                        new SegmentsView.Segment("active", 1, new double[] {-0.3, 0.6, 0.4}, 20, 4, 900.0)),
                new double[] {3.0, 1.5, 6.5}, new double[] {1.0, 0.7, 1.4}, 1,
                Map.of("United Kingdom", 1, "France", 1, "Germany", 1),
                Map.of("high-value", List.of(LOYAL), "active", List.of(FRENCH), "new", List.of(NEWCOMER)));
        w.writeJson("segments.json", segments);

        rows.put("popularity.jsonl", w.writeJsonLines("popularity.jsonl", List.of(
                new PopularityView(PopularityView.GLOBAL, "all", entries("85123A", 40, "22423", 30, "85099B", 25, "47566", 20, "84879", 15)),
                new PopularityView(PopularityView.COUNTRY, "France", entries("22423", 8, "85099B", 6, "47566", 5)),
                new PopularityView(PopularityView.COUNTRY, "Germany", entries("22752", 7, "22633", 4)),
                new PopularityView(PopularityView.COUNTRY, "United Kingdom", entries("85123A", 35, "71053", 20)),
                new PopularityView(PopularityView.SEGMENT, "high-value", entries("85123A", 12, "84406B", 9, "21730", 8)),
                new PopularityView(PopularityView.SEGMENT, "active", entries("85099B", 10, "22423", 9)))));

        rows.put("items.jsonl", w.writeJsonLines("items.jsonl", TITLES.entrySet().stream().map(e -> new ItemStat(
                e.getKey(), e.getValue(), null, 2.55 + e.getKey().length(), 10,
                Map.of("United Kingdom", 8, "France", 2))).toList()));

        rows.put("neighbours.jsonl", w.writeJsonLines("neighbours.jsonl", List.of(
                new NeighboursView("85123A", List.of(new NeighboursView.Neighbour("21730", 0.62f),
                        new NeighboursView.Neighbour("71053", 0.41f), new NeighboursView.Neighbour("84406B", 0.30f))),
                new NeighboursView("22423", List.of(new NeighboursView.Neighbour("85099B", 0.35f))))));

        rows.put("toplists/FreshBlend.jsonl", w.writeJsonLines("toplists/FreshBlend.jsonl", List.of(
                new TopListView(LOYAL, scored("85123A", 0.9f, "21730", 0.7f, "84406B", 0.5f, "71053", 0.3f),
                        scored("21730", 0.7f, "71053", 0.3f)),
                new TopListView(FRENCH, scored("22423", 0.8f, "85099B", 0.6f, "47566", 0.2f),
                        scored("47566", 0.2f)))));
        rows.put("toplists/EASE.jsonl", w.writeJsonLines("toplists/EASE.jsonl", List.of(
                new TopListView(LOYAL, scored("84406B", 0.95f, "85123A", 0.8f), scored("21730", 0.4f)),
                new TopListView(FRENCH, scored("85099B", 0.7f, "22423", 0.6f), scored("47566", 0.1f)))));

        rows.put("factors-users.jsonl", w.writeJsonLines("factors-users.jsonl", List.of(
                new FactorView(LOYAL, new float[] {0.1f, 0.2f}), new FactorView(FRENCH, new float[] {0.3f, 0.1f}))));
        rows.put("factors-items.jsonl", w.writeJsonLines("factors-items.jsonl", TITLES.keySet().stream()
                .map(i -> new FactorView(i, new float[] {0.05f, 0.05f})).toList()));

        Manifest manifest = new Manifest(version, AS_OF, AS_OF,
                new Manifest.Input(rootUri, 100, "2010-12-01T00:00:00Z", "2011-11-01T00:00:00Z", 3, 2, TITLES.size(), 20),
                rows, List.of("high-value", "active"),
                List.of(new Manifest.ModelEntry("FreshBlend", Map.of(), 0.1, "toplists/FreshBlend.jsonl"),
                        new Manifest.ModelEntry("EASE", Map.of("lambda", 400), 0.1, "toplists/EASE.jsonl")),
                Map.of(), Map.of());
        w.writeText("report.html", "<html><body>test</body></html>");
        w.writeJson(ViewStore.MANIFEST, manifest);
        w.complete();
        store.publish(w.version());
    }

    private static List<PopularityTable.Entry> entries(Object... pairs) {
        List<PopularityTable.Entry> out = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(new PopularityTable.Entry((String) pairs[i], (Integer) pairs[i + 1]));
        }
        return out;
    }

    private static List<TopListView.Scored> scored(Object... pairs) {
        List<TopListView.Scored> out = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(new TopListView.Scored((String) pairs[i], (Float) pairs[i + 1]));
        }
        return out;
    }
}
