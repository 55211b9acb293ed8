package io.tradewind.core.eval;

import io.tradewind.core.model.FitCache;
import io.tradewind.core.model.FittedModel;
import io.tradewind.core.model.FreshBlendRecommender;
import io.tradewind.core.model.Recommender;
import io.tradewind.core.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The OR-T offline evaluation of {@code ../shared/eval/PROTOCOL.md}: clean the Online Retail file, build the
 * validation split ({@code < 2011-08-01} / August) and the OR-T split ({@code < 2011-09-01} / after), search
 * every model family's grid on validation (best NDCG@10 per track, first in grid order on ties), refit the
 * chosen point on OR-T's training data and evaluate it once on the test.
 *
 * <p>One call does it all (what {@code ./tradewind evaluate --protocol or-t --data FILE --out FILE.json} runs):
 * <pre>{@code
 * EvaluationReport report = OrtEvaluation.runAndWrite(csv, out, OrtEvaluation.Options.defaults(), progress);
 * }</pre>
 * The full grid fits ten EASE inverses of about 3,400 items (most of its three to four minutes on two cores);
 * 1 GB of heap is enough.
 * OR-INC (section 7) fits in the same frame later: another {@link EvaluationSplit} plus variants that score
 * stale models through {@link Evaluator}'s general form.
 */
public final class OrtEvaluation {
    public static final String PROTOCOL = "OR-T";

    static final String VALIDATION_CUTOFF = "2011-08-01 00:00:00";
    static final String ORT_CUTOFF = "2011-09-01 00:00:00";

    /**
     * @param models  model families to run ({@link ModelGrids#ALL} names; empty for all)
     * @param quick   a few grid points per family instead of the full grids
     * @param threads threads for the EASE inverse and ALS
     */
    public record Options(List<String> models, boolean quick, int threads) {
        public Options {
            models = List.copyOf(Objects.requireNonNull(models, "models"));
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive");
            }
        }

        public static Options defaults() {
            return new Options(List.of(), false, Runtime.getRuntime().availableProcessors());
        }

        public Options withModels(List<String> names) {
            return new Options(names, quick, threads);
        }

        public Options withQuick(boolean value) {
            return new Options(models, value, threads);
        }
    }

    /**
     * The two splits OR-T needs, built once from the cleaned data: the protocol's definitions on the purchases, the
     * models fitted on them net of the returns before each cutoff ({@link EvaluationSplit#modelTrain()}).
     */
    public record Splits(EvaluationSplit validation, EvaluationSplit ort) {
        public static Splits of(OnlineRetailCsv.Cleaned data) {
            EvaluationSplit validation = EvaluationSplit.temporal("validation", "< 2011-08-01",
                    "[2011-08-01, 2011-09-01)", data.purchases(), data.returns(),
                    OnlineRetailCsv.millis(VALIDATION_CUTOFF), OnlineRetailCsv.millis(ORT_CUTOFF));
            EvaluationSplit ort = EvaluationSplit.temporal("OR-T", "< 2011-09-01", ">= 2011-09-01", data.purchases(),
                    data.returns(), OnlineRetailCsv.millis(ORT_CUTOFF), Long.MAX_VALUE);
            return new Splits(validation, ort);
        }
    }

    private OrtEvaluation() {
    }

    /** {@link #run(Path, Options, ProgressListener)}, then writes the report as JSON to {@code out}. */
    public static EvaluationReport runAndWrite(Path csv, Path out, Options options, ProgressListener progress)
            throws IOException {
        EvaluationReport report = run(csv, options, progress);
        ReportJson.write(report, out);
        return report;
    }

    /** Loads and cleans {@code csv}, then runs {@link #run(OnlineRetailCsv.Cleaned, Options, ProgressListener)}. */
    public static EvaluationReport run(Path csv, Options options, ProgressListener progress) throws IOException {
        long start = System.nanoTime();
        OnlineRetailCsv.Cleaned data = OnlineRetailCsv.load(csv);
        double loadSeconds = seconds(start);
        return run(data, options, progress, start, loadSeconds);
    }

    public static EvaluationReport run(OnlineRetailCsv.Cleaned data, Options options, ProgressListener progress) {
        return run(data, options, progress, System.nanoTime(), 0.0);
    }

    private static EvaluationReport run(OnlineRetailCsv.Cleaned data, Options options, ProgressListener progress,
                                        long start, double loadSeconds) {
        Splits splits = Splits.of(data);
        FitCache cache = new FitCache();
        List<ModelFamily> families = ModelGrids.families(options.models(), options.quick(), options.threads(), cache);
        Set<String> shared = sharedComponents(families);
        int units = families.stream().mapToInt(f -> f.grid().size() + f.tracks().size()).sum();
        progress.start("OR-T evaluation", units);

        List<EvaluationReport.Result> results = new ArrayList<>();
        List<EvaluationReport.ValidationPoint> validation = new ArrayList<>();
        List<EvaluationReport.Fit> fits = new ArrayList<>();
        try {
            for (ModelFamily family : families) {
                FamilyOutcome outcome = searchAndTest(family, splits, cache, shared, progress);
                results.addAll(outcome.results);
                validation.addAll(outcome.validation);
                fits.addAll(outcome.fits);
            }
        } finally {
            cache.evict(splits.validation().modelTrain());
            cache.evict(splits.ort().modelTrain());
            progress.finish();
        }
        List<String> order = families.stream().map(ModelFamily::name).toList();
        results.sort(Comparator.comparing(EvaluationReport.Result::track)
                .thenComparing(r -> order.indexOf(r.model())));
        validation.sort(Comparator.comparing(EvaluationReport.ValidationPoint::track)
                .thenComparing(v -> order.indexOf(v.model())));

        EvaluationReport.Run run = new EvaluationReport.Run(Instant.now().toString(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), seconds(start),
                loadSeconds, options.quick());
        return new EvaluationReport("PROTOCOL.md (OR-T)", run, data.report(),
                List.of(summary(splits.validation()), summary(splits.ort())), results, validation, fits);
    }

    record FamilyOutcome(List<EvaluationReport.Result> results, List<EvaluationReport.ValidationPoint> validation,
                                 List<EvaluationReport.Fit> fits) {
    }

    /** Recommenders that blends fit as components: their validation fits are kept in the cache for the blends. */
    static Set<String> sharedComponents(List<ModelFamily> families) {
        Set<String> keys = new HashSet<>();
        for (ModelFamily family : families) {
            for (Recommender recommender : family.grid()) {
                if (recommender instanceof FreshBlendRecommender blend) {
                    blend.components().forEach(c -> keys.add(FitCache.key(c)));
                }
            }
        }
        return keys;
    }

    /**
     * Grid search on validation, then one refit per distinct chosen point and one test evaluation per track.
     * Validation fits of {@code shared} components go through the cache (so blends reuse them); refits never
     * use cached components, so test fit times are those of a complete fit.
     */
    static FamilyOutcome searchAndTest(ModelFamily family, Splits splits, FitCache cache, Set<String> shared,
                                       ProgressListener progress) {
        List<EvaluationReport.Fit> fits = new ArrayList<>();
        List<Recommender> grid = family.grid();
        double[] fitSeconds = new double[grid.size()];
        List<Map<Track, TrackMetrics>> scored = new ArrayList<>();
        for (int g = 0; g < grid.size(); g++) {
            Recommender recommender = grid.get(g);
            long start = System.nanoTime();
            FittedModel model = shared.contains(FitCache.key(recommender))
                    ? cache.fit(recommender, splits.validation().modelTrain(), ProgressListener.NONE)
                    : recommender.fit(splits.validation().modelTrain(), ProgressListener.NONE);
            fitSeconds[g] = seconds(start);
            fits.add(new EvaluationReport.Fit(recommender.name(), recommender.params(),
                    splits.validation().trainWindow(), fitSeconds[g]));
            scored.add(Evaluator.evaluate(model, splits.validation(), family.tracks()));
            progress.advance(1);
        }

        Map<Track, Integer> chosen = new EnumMap<>(Track.class);
        List<EvaluationReport.ValidationPoint> validation = new ArrayList<>();
        for (Track track : Track.values()) {
            if (!family.tracks().contains(track)) {
                continue;
            }
            int best = 0;
            for (int g = 1; g < grid.size(); g++) {
                if (ndcg10(scored.get(g).get(track)) > ndcg10(scored.get(best).get(track))) {
                    best = g;
                }
            }
            chosen.put(track, best);
            for (int g = 0; g < grid.size(); g++) {
                validation.add(new EvaluationReport.ValidationPoint(track, grid.get(g).name(), grid.get(g).params(),
                        g == best, fitSeconds[g], scored.get(g).get(track)));
            }
        }

        // One honest fit per distinct chosen point: no cached components from earlier fits.
        List<EvaluationReport.Result> results = new ArrayList<>();
        Map<Integer, List<Track>> tracksByPoint = new LinkedHashMap<>();
        chosen.forEach((track, g) -> tracksByPoint.computeIfAbsent(g, k -> new ArrayList<>()).add(track));
        for (Map.Entry<Integer, List<Track>> entry : tracksByPoint.entrySet()) {
            Recommender recommender = grid.get(entry.getKey());
            cache.evict(splits.ort().modelTrain());
            long start = System.nanoTime();
            FittedModel model = recommender.fit(splits.ort().modelTrain(), ProgressListener.NONE);
            double seconds = seconds(start);
            fits.add(new EvaluationReport.Fit(recommender.name(), recommender.params(), splits.ort().trainWindow(),
                    seconds));
            Map<Track, TrackMetrics> metrics = Evaluator.evaluate(model, splits.ort(), EnumSet.copyOf(entry.getValue()));
            for (Track track : entry.getValue()) {
                results.add(new EvaluationReport.Result(PROTOCOL, "", track, recommender.name(), recommender.params(),
                        seconds, metrics.get(track)));
                progress.advance(1);
            }
        }
        return new FamilyOutcome(results, validation, fits);
    }

    private static double ndcg10(TrackMetrics metrics) {
        return metrics.at(10).ndcg();
    }

    static EvaluationReport.SplitSummary summary(EvaluationSplit split) {
        Map<Track, EvaluationReport.TrackSize> tracks = new EnumMap<>(Track.class);
        for (Track track : Track.values()) {
            tracks.put(track, new EvaluationReport.TrackSize(split.truthItems(track), split.testUsers(track).size()));
        }
        return new EvaluationReport.SplitSummary(split.label(), split.trainWindow(), split.testWindow(),
                split.train().numLines(), split.train().numPairs(), split.train().numUsers(), split.candidates(),
                split.usersWithBoth(), tracks);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
