package io.tradewind.batch.retrain;

import io.tradewind.batch.report.RetrainReport;
import io.tradewind.contracts.views.FactorView;
import io.tradewind.contracts.views.Manifest;
import io.tradewind.contracts.views.NeighboursView;
import io.tradewind.contracts.views.TopListView;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.eval.EvaluationSplit;
import io.tradewind.core.eval.Evaluator;
import io.tradewind.core.eval.MetricValues;
import io.tradewind.core.eval.Purchase;
import io.tradewind.core.eval.Ranker;
import io.tradewind.core.eval.Track;
import io.tradewind.core.eval.TrackMetrics;
import io.tradewind.core.model.FactorModel;
import io.tradewind.core.model.FitCache;
import io.tradewind.core.model.FittedModel;
import io.tradewind.core.model.InteractionStrength;
import io.tradewind.core.model.Interactions;
import io.tradewind.core.model.ItemNeighbourModel;
import io.tradewind.core.model.Recommender;
import io.tradewind.core.model.UserHistory;
import io.tradewind.core.progress.ProgressListener;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the published recommenders on the pair table, scores them on the hold-out (the last days before
 * as-of), refits them on the whole history and writes their lists, neighbours and factors.
 *
 * <p>Runs in the driver: it needs the user-item matrix in one place. The matrix is bounded by distinct
 * user-item pairs (266k for a year of Online Retail, ~10 MB); EASE holds an items × items matrix, so the
 * models see at most {@link RetrainOptions#maxModelItems()} items ({@link ModelCatalogue}).
 */
final class ModelStage {
    static final int[] CUT_OFFS = {5, 10, 15, 20, 25, 30};
    private static final int NEIGHBOURS = 20;

    /** What the stage adds to the manifest and the report. */
    record Outcome(List<Manifest.ModelEntry> models, Map<String, Object> evaluation, List<RetrainReport.Curve> curves,
                   Map<String, Long> rowCounts) {
    }

    private final List<Recommender> recommenders;
    private final FitCache cache;
    private final ProgressListener progress;

    /** {@code cache} must be the one the recommenders' blends share, so every component is fitted once. */
    ModelStage(List<Recommender> recommenders, FitCache cache, ProgressListener progress) {
        this.recommenders = recommenders;
        this.cache = cache;
        this.progress = progress;
    }

    Outcome run(List<PairStat> allPairs, InteractionStrength strength, RetrainOptions options,
                ViewStore.VersionWriter writer) throws IOException {
        List<PairStat> pairs = ModelCatalogue.mostInteracted(allPairs, options.maxModelItems());
        Map<String, Object> evaluation = new LinkedHashMap<>();
        List<RetrainReport.Curve> curves = new ArrayList<>();
        evaluateOnHoldout(purchases(pairs, true), purchases(pairs, false), options, evaluation, curves);

        Interactions all = weightedMatrix(pairs, strength);
        if (all.numPairs() == 0) {
            throw new IllegalArgumentException("no user-item interaction with a positive weight before --as-of: nothing "
                    + "to fit the models on (weights " + strength.weights() + ")");
        }
        List<Manifest.ModelEntry> models = new ArrayList<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Recommender recommender : recommenders) {
            long start = System.nanoTime();
            FittedModel model = cache.fit(recommender, all, progress);
            double fitSeconds = (System.nanoTime() - start) / 1e9; // a blend's time excludes cached components
            String file = "toplists/" + recommender.name() + ".jsonl";
            rows.put(file, writer.writeJsonLines(file, topLists(model, options.topN())));
            if (model instanceof ItemNeighbourModel neighbours) {
                rows.put("neighbours.jsonl", writer.writeJsonLines("neighbours.jsonl", neighbours(neighbours)));
            }
            if (model instanceof FactorModel factors) {
                rows.put("factors-users.jsonl", writer.writeJsonLines("factors-users.jsonl", userFactors(factors)));
                rows.put("factors-items.jsonl", writer.writeJsonLines("factors-items.jsonl", itemFactors(factors)));
            }
            models.add(new Manifest.ModelEntry(recommender.name(), recommender.params(), round(fitSeconds), file));
        }
        cache.evict(all);
        return new Outcome(models, evaluation, curves, rows);
    }

    /**
     * Fits every model on purchases before the hold-out, net of the returns before it, and scores it on the hold-out
     * (tracks A and B, whose truth is every purchase in the hold-out, as in the OR-T protocol).
     */
    private void evaluateOnHoldout(List<Purchase> purchases, List<Purchase> returns, RetrainOptions options,
                                   Map<String, Object> evaluation, List<RetrainReport.Curve> curves) {
        EvaluationSplit split = EvaluationSplit.temporal("hold-out",
                "< " + Instant.ofEpochMilli(options.holdoutStartMillis()),
                "[" + Instant.ofEpochMilli(options.holdoutStartMillis()) + ", " + options.asOf() + ")",
                purchases, returns, options.holdoutStartMillis(), options.asOfMillis());
        evaluation.put("split", Map.of("train", split.trainWindow(), "test", split.testWindow(),
                "testUsersA", split.testUsers(Track.A).size(), "testUsersB", split.testUsers(Track.B).size()));
        if (split.testUsers(Track.A).isEmpty()) {
            evaluation.put("note", "no user bought both before and during the hold-out: nothing to evaluate");
            return;
        }
        Map<String, Object> perModel = new LinkedHashMap<>();
        double[] ks = java.util.Arrays.stream(CUT_OFFS).asDoubleStream().toArray();
        for (Recommender recommender : recommenders) {
            FittedModel model = cache.fit(recommender, split.modelTrain(), progress);
            Map<Track, TrackMetrics> metrics = Evaluator.evaluate(model, split, EnumSet.allOf(Track.class));
            Map<String, Object> tracks = new LinkedHashMap<>();
            metrics.forEach((track, m) -> {
                tracks.put(track.name(), Map.of("users", m.users(), "ndcgAt10", round(m.at(10).ndcg()),
                        "recallAt20", round(m.at(20).recall()), "precisionAt10", round(m.at(10).precision()),
                        "coverageAt10", round(m.coverageAt10())));
                curves.add(curve(recommender.name(), "NDCG track " + track, ks, metrics.get(track), MetricValues::ndcg));
                curves.add(curve(recommender.name(), "Recall track " + track, ks, metrics.get(track), MetricValues::recall));
                curves.add(curve(recommender.name(), "Precision track " + track, ks, metrics.get(track),
                        MetricValues::precision));
            });
            perModel.put(recommender.name(), tracks);
        }
        evaluation.put("models", perModel);
        cache.evict(split.modelTrain());
    }

    private static RetrainReport.Curve curve(String model, String metric, double[] ks, TrackMetrics m,
                                             java.util.function.ToDoubleFunction<MetricValues> value) {
        double[] values = java.util.Arrays.stream(CUT_OFFS).mapToDouble(k -> value.applyAsDouble(m.at(k))).toArray();
        return new RetrainReport.Curve(model, metric, ks, values);
    }

    /**
     * The matrix the published models are fitted on: every pair counted by its behaviour weights
     * ({@link InteractionStrength}). Purchase baskets are those returns did not wholly take back
     * ({@link PairStat#keptPurchaseTimes()}) and keep their times (recency-aware models use them); counts above the
     * baskets (views, carts, ...) are extra keys at the pair's last event.
     */
    static Interactions weightedMatrix(List<PairStat> pairs, InteractionStrength strength) {
        Interactions.Builder builder = Interactions.builder();
        for (PairStat pair : pairs) {
            long[] times = pair.keptPurchaseTimes();
            int count = strength.count(times.length, pair.otherWeight());
            int fromBaskets = Math.min(count, times.length);
            for (int i = times.length - fromBaskets; i < times.length; i++) {
                builder.add(pair.userId(), pair.itemId(), Long.toString(times[i]), times[i]);
            }
            for (int extra = 0; extra < count - fromBaskets; extra++) {
                builder.add(pair.userId(), pair.itemId(), "w" + extra, pair.lastMillis());
            }
        }
        return builder.build();
    }

    /**
     * The pairs' purchase lines ({@code purchases}) or return lines (quantity = units returned); the basket key is
     * the time stamp, as the matrix counts baskets and a basket is one time stamp here.
     */
    static List<Purchase> purchases(List<PairStat> pairs, boolean purchases) {
        List<Purchase> out = new ArrayList<>();
        for (PairStat pair : pairs) {
            for (int k = 0; k < pair.lineTimes().length; k++) {
                long t = pair.lineTimes()[k];
                long units = pair.lineUnits()[k];
                if (units > 0 == purchases && units != 0) {
                    out.add(new Purchase(pair.userId(), pair.itemId(), Long.toString(t), t, Math.abs(units)));
                }
            }
        }
        return out;
    }

    private static List<TopListView> topLists(FittedModel model, int n) {
        Interactions train = model.train();
        Ranker ranker = Ranker.forTrainingItems(train, n);
        double[] scores = new double[train.numItems()];
        int[] none = new int[0];
        List<TopListView> rows = new ArrayList<>(train.numUsers());
        for (int user = 0; user < train.numUsers(); user++) {
            UserHistory history = train.history(user);
            model.score(history, scores);
            rows.add(new TopListView(train.userId(user), scored(train, ranker.top(scores, none), scores),
                    scored(train, ranker.top(scores, history.items()), scores)));
        }
        return rows;
    }

    private static List<TopListView.Scored> scored(Interactions train, int[] items, double[] scores) {
        List<TopListView.Scored> out = new ArrayList<>(items.length);
        for (int item : items) {
            out.add(new TopListView.Scored(train.itemId(item), (float) scores[item]));
        }
        return out;
    }

    private static List<NeighboursView> neighbours(ItemNeighbourModel model) {
        Interactions train = model.train();
        List<NeighboursView> rows = new ArrayList<>(train.numItems());
        for (int item = 0; item < train.numItems(); item++) {
            int[] ids = model.neighbours(item);
            double[] sims = model.similarities(item);
            List<NeighboursView.Neighbour> list = new ArrayList<>();
            for (int i = 0; i < Math.min(NEIGHBOURS, ids.length); i++) {
                list.add(new NeighboursView.Neighbour(train.itemId(ids[i]), (float) sims[i]));
            }
            rows.add(new NeighboursView(train.itemId(item), list));
        }
        return rows;
    }

    private static List<FactorView> userFactors(FactorModel model) {
        List<FactorView> rows = new ArrayList<>();
        for (int user = 0; user < model.train().numUsers(); user++) {
            rows.add(new FactorView(model.train().userId(user), floats(model.userFactors(user))));
        }
        return rows;
    }

    private static List<FactorView> itemFactors(FactorModel model) {
        List<FactorView> rows = new ArrayList<>();
        for (int item = 0; item < model.train().numItems(); item++) {
            rows.add(new FactorView(model.train().itemId(item), floats(model.itemFactors(item))));
        }
        return rows;
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
