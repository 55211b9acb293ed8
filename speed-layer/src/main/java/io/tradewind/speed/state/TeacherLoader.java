package io.tradewind.speed.state;

import io.tradewind.contracts.views.FactorView;
import io.tradewind.contracts.views.ItemStat;
import io.tradewind.contracts.views.JsonLinesReader;
import io.tradewind.contracts.views.Manifest;
import io.tradewind.contracts.views.NeighboursView;
import io.tradewind.contracts.views.TopListView;
import io.tradewind.contracts.views.TrendingView;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.incremental.Teacher;
import io.tradewind.core.incremental.Trending;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * Builds the DIR teacher from a batch-view version: the base model's factors ({@code factors-items.jsonl},
 * {@code factors-users.jsonl}, with the ALS settings from the manifest), its per-user top lists
 * ({@code toplists/ALS.jsonl}), item neighbours ({@code neighbours.jsonl}) and buyer counts ({@code items.jsonl}).
 * Each worker holds one teacher in memory: about (items + users) × rank floats, 2 MB for Online Retail. The
 * version's trending items ({@code trending.jsonl}) come with it: the same for every worker and every replay, so
 * lists stay a function of the events and the version.
 */
public final class TeacherLoader {
    /** The published base model the incremental model learns from. */
    public static final String BASE_MODEL = "ALS";

    private TeacherLoader() {
    }

    public static Teacher load(ViewStore views, String version) throws IOException {
        Manifest manifest = views.readManifest(version, Manifest.class);
        Manifest.ModelEntry als = manifest.models() == null ? null : manifest.models().stream()
                .filter(m -> BASE_MODEL.equals(m.name())).findFirst().orElse(null);
        if (als == null) {
            throw new IOException("batch version " + version + " publishes no " + BASE_MODEL
                    + " model: the speed layer's teacher needs its factors");
        }
        JsonLinesReader reader = new JsonLinesReader(views.fileSystem(), new Path(views.root(), version), version);
        Map<String, Integer> buyers = new HashMap<>();
        reader.read("items.jsonl", ItemStat.class, row -> buyers.put(row.itemId(), row.buyers()));
        List<FactorView> items = new ArrayList<>();
        reader.read("factors-items.jsonl", FactorView.class, items::add);
        if (items.isEmpty()) {
            throw new IOException("batch version " + version + " has no item factors");
        }
        Teacher.Builder teacher = Teacher.builder(version, items.get(0).vector().length,
                number(als.params(), "alpha"), number(als.params(), "reg"));
        items.forEach(row -> teacher.item(row.id(), row.vector(), buyers.getOrDefault(row.id(), 0)));
        reader.read("factors-users.jsonl", FactorView.class, row -> teacher.user(row.id(), row.vector()));
        reader.read("toplists/" + BASE_MODEL + ".jsonl", TopListView.class,
                row -> teacher.topList(row.user(), row.all().stream().map(TopListView.Scored::item).toList()));
        if (reader.exists("neighbours.jsonl")) {
            reader.read("neighbours.jsonl", NeighboursView.class, row -> {
                float[] sims = new float[row.neighbours().size()];
                for (int i = 0; i < sims.length; i++) {
                    sims[i] = row.neighbours().get(i).similarity();
                }
                teacher.neighbours(row.item(), row.neighbours().stream().map(NeighboursView.Neighbour::item).toList(), sims);
            });
        }
        return teacher.build();
    }

    /**
     * The version's trending items, best first; none for a version written before the batch published them (its
     * lists then draw on the user's own items, the teacher's list and neighbours only).
     */
    public static Trending trending(ViewStore views, String version) throws IOException {
        JsonLinesReader reader = new JsonLinesReader(views.fileSystem(), new Path(views.root(), version), version);
        if (!reader.exists(TrendingView.FILE)) {
            return Trending.none();
        }
        List<String> items = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        reader.read(TrendingView.FILE, TrendingView.class, row -> {
            items.add(row.item());
            scores.add(row.score());
        });
        return Trending.of(items, scores.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double number(Map<String, Object> params, String name) throws IOException {
        if (params == null || !(params.get(name) instanceof Number n)) {
            throw new IOException("the manifest's " + BASE_MODEL + " entry has no numeric '" + name + "' parameter");
        }
        return n.doubleValue();
    }
}
