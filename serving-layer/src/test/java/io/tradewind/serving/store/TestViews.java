package io.tradewind.serving.store;

import io.tradewind.contracts.hbase.ScoredItem;
import io.tradewind.contracts.hbase.UserLists;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes small batch-view versions with {@link ViewStore}, shaped like the retrain's (same files, same records,
 * a manifest with row counts), and remembers what it wrote so tests compare what the store serves against it.
 * Values depend on a seed, so two versions of the same users differ.
 */
final class TestViews {
    static final List<String> MODELS = List.of("Pop", "EASE");
    static final String[] COUNTRIES = {"United Kingdom", "France", "Germany"};
    static final String[] SEGMENTS = {"loyal", "at-risk"};
    private static final int ITEMS = 40;
    private static final int LIST = 10;

    /** What a version holds, as written. */
    record Written(String version, List<Portrait> portraits, List<ItemStat> items, List<NeighboursView> neighbours,
                   List<PopularityView> popularity, Map<String, List<TopListView>> topLists, SegmentsView segments,
                   Manifest manifest) {
        Portrait portrait(String user) {
            return portraits.stream().filter(p -> p.userId().equals(user)).findFirst().orElseThrow();
        }

        TopListView topList(String model, String user) {
            return topLists.get(model).stream().filter(t -> t.user().equals(user)).findFirst().orElseThrow();
        }
    }

    /** Ways to spoil a version. */
    enum Damage {
        NONE,
        /** line 7 of the last model's top-list file is not JSON */
        CORRUPT_LINE,
        /** the manifest counts one item more than items.jsonl holds */
        WRONG_COUNT
    }

    static final String CORRUPT_FILE = "toplists/" + MODELS.get(MODELS.size() - 1) + ".jsonl";
    static final int CORRUPT_LINE_NUMBER = 7;

    private final ViewStore store;

    TestViews(String rootUri) {
        this.store = new ViewStore(rootUri, new Configuration());
    }

    static String user(int i) {
        return Integer.toString(12346 + i); // Online Retail's customer ids are sequential from 12346
    }

    static String item(int i) {
        return String.format("85%03dA", i);
    }

    Written write(String version, int users, float seed) throws IOException {
        return write(version, users, seed, Damage.NONE);
    }

    Written write(String version, int users, float seed, Damage damage) throws IOException {
        ViewStore.VersionWriter writer = store.newVersion(version);
        if (!writer.version().equals(version)) {
            throw new IllegalStateException("version " + version + " exists already in the test views");
        }
        List<Portrait> portraits = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String segment = SEGMENTS[u % SEGMENTS.length];
            portraits.add(new Portrait(user(u), segment, new Rfm(u % 90 + seed, u % 7 + 1, 100.0 * u + seed),
                    new double[] {seed, -0.5, u / 100.0},
                    new Habits(COUNTRIES[u % COUNTRIES.length], u % 24, "MONDAY", List.of("CANDLES"),
                            List.of("heart", "light"), 3.5, 42.0 + seed, 0.1)));
        }
        List<ItemStat> items = new ArrayList<>();
        List<NeighboursView> neighbours = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(new ItemStat(item(i), "ITEM " + i + " v" + seed, "HOME", 1.25 + i, 10 + i,
                    Map.of(COUNTRIES[0], 5 + i, COUNTRIES[1], 2)));
            List<NeighboursView.Neighbour> similar = new ArrayList<>();
            for (int k = 1; k <= 5; k++) {
                similar.add(new NeighboursView.Neighbour(item((i + k) % ITEMS), 1.0f / (k + seed)));
            }
            neighbours.add(new NeighboursView(item(i), similar));
        }
        List<PopularityView> popularity = new ArrayList<>();
        popularity.add(new PopularityView(PopularityView.GLOBAL, PopularityView.GLOBAL, popular(0, seed)));
        for (int c = 0; c < COUNTRIES.length; c++) {
            popularity.add(new PopularityView(PopularityView.COUNTRY, COUNTRIES[c], popular(c + 1, seed)));
        }
        for (int s = 0; s < SEGMENTS.length; s++) {
            popularity.add(new PopularityView(PopularityView.SEGMENT, SEGMENTS[s], popular(s + 5, seed)));
        }
        Map<String, List<TopListView>> topLists = new LinkedHashMap<>();
        for (int m = 0; m < MODELS.size(); m++) {
            List<TopListView> rows = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                rows.add(new TopListView(user(u), scored(u + m, seed), scored(u + m + LIST, seed)));
            }
            topLists.put(MODELS.get(m), rows);
        }
        List<FactorView> userFactors = portraits.stream()
                .map(p -> new FactorView(p.userId(), new float[] {seed, 1f})).toList();
        SegmentsView segments = new SegmentsView(2, 2, "fixed by the test", List.of(
                new SegmentsView.KCurvePoint(2, 12.5, 0.41)), List.of(
                new SegmentsView.Segment(SEGMENTS[0], users / 2, new double[] {-1, 1, 1}, 12, 9, 900 + seed),
                new SegmentsView.Segment(SEGMENTS[1], users - users / 2, new double[] {1, -1, -1}, 200, 1, 90)),
                new double[] {3.1, 1.2, 6.0}, new double[] {1.1, 0.7, 1.3}, 0,
                Map.of("United Kingdom", users), Map.of(SEGMENTS[0], List.of(user(0))));

        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("portraits.jsonl", writer.writeJsonLines("portraits.jsonl", portraits));
        writer.writeJson("segments.json", segments);
        rows.put("popularity.jsonl", writer.writeJsonLines("popularity.jsonl", popularity));
        rows.put("items.jsonl", writer.writeJsonLines("items.jsonl", items));
        for (Map.Entry<String, List<TopListView>> e : topLists.entrySet()) {
            String file = "toplists/" + e.getKey() + ".jsonl";
            if (damage == Damage.CORRUPT_LINE && file.equals(CORRUPT_FILE)) {
                writer.writeText(file, withCorruptLine(e.getValue()));
                rows.put(file, (long) e.getValue().size());
            } else {
                rows.put(file, writer.writeJsonLines(file, e.getValue()));
            }
        }
        rows.put("neighbours.jsonl", writer.writeJsonLines("neighbours.jsonl", neighbours));
        rows.put("factors-users.jsonl", writer.writeJsonLines("factors-users.jsonl", userFactors));
        if (damage == Damage.WRONG_COUNT) {
            rows.put("items.jsonl", rows.get("items.jsonl") + 1);
        }
        List<Manifest.ModelEntry> models = MODELS.stream()
                .map(m -> new Manifest.ModelEntry(m, Map.of(), 0.1, "toplists/" + m + ".jsonl")).toList();
        Manifest manifest = new Manifest(version, "2011-12-10T00:00:00Z", "2011-12-10T01:00:00Z",
                new Manifest.Input("file:///events", 1000, "2010-12-10T00:00:00Z", "2011-11-10T00:00:00Z", users,
                        users, ITEMS, users * 3L), rows, List.of(SEGMENTS), models, Map.of(), Map.of());
        writer.writeJson(ViewStore.MANIFEST, manifest);
        writer.complete();
        return new Written(version, portraits, items, neighbours, popularity, topLists, segments, manifest);
    }

    private static String withCorruptLine(List<TopListView> rows) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (TopListView row : rows) {
            lines.add(json.writeValueAsString(row));
        }
        lines.set(CORRUPT_LINE_NUMBER - 1, lines.get(CORRUPT_LINE_NUMBER - 1).substring(0, 20)); // cut mid-row
        return lines.stream().collect(Collectors.joining("\n", "", "\n"));
    }

    private static List<PopularityTable.Entry> popular(int offset, float seed) {
        List<PopularityTable.Entry> out = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            out.add(new PopularityTable.Entry(item((offset * 3 + k) % ITEMS), 100 - k * 10 + (int) seed));
        }
        return out;
    }

    private static List<TopListView.Scored> scored(int offset, float seed) {
        List<TopListView.Scored> out = new ArrayList<>();
        for (int k = 0; k < LIST; k++) {
            out.add(new TopListView.Scored(item((offset + k) % ITEMS), seed + 1.0f / (k + 1)));
        }
        return out;
    }

    /** The batch list as the store should serve it. */
    static UserLists expected(TopListView row) {
        return new UserLists(row.all().stream().map(s -> new ScoredItem(s.item(), s.score())).toList(),
                row.fresh().stream().map(s -> new ScoredItem(s.item(), s.score())).toList());
    }
}
