package io.tradewind.core.eval;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.core.event.EventType;
import io.tradewind.core.incremental.IncrementalConfig;
import io.tradewind.core.incremental.IncrementalModel;
import io.tradewind.core.incremental.ScoredItem;
import io.tradewind.core.incremental.Teacher;
import io.tradewind.core.incremental.Trending;
import io.tradewind.core.incremental.TrendingCounter;
import io.tradewind.core.incremental.UserState;
import io.tradewind.core.model.AlsRecommender;
import io.tradewind.core.model.FittedModel;
import io.tradewind.core.model.Interactions;
import io.tradewind.core.model.ItemKnnRecommender;
import io.tradewind.core.model.RepeatRecommender;
import io.tradewind.core.model.UserHistory;
import io.tradewind.core.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OR-INC evaluation of {@code ../shared/eval/PROTOCOL.md} section 7 (what
 * {@code ./tradewind evaluate --protocol or-inc} runs): how much of the freshness gap between a stale model
 * (fitted before 2011-09-01) and a full retrain (before 2011-11-01) the speed layer's incremental model closes
 * by replaying September and October, event by event, through {@link IncrementalModel#update}.
 *
 * <p>Per track the teacher is ALS with the track's OR-T validation choice (README: track A rank 64, alpha 1,
 * reg 0.1; track B rank 64, alpha 0.25, reg 0.3), the same for every variant, so the gap isolates freshness.
 * Variants: {@code stale} (the stale model, histories before 2011-09-01), {@code stale+history} (the stale
 * model scoring histories up to the cut-off; for ALS a fold-in), {@code incremental} (stale teacher plus the
 * replay) with the ablations {@code incremental-no-distill} (alpha = 0) and {@code incremental-no-drift}
 * (beta = 0), and {@code full}. Repeat is reported with the same variants as the reference of track A.
 *
 * <p>The incremental model's settings are chosen per track on a validation variant that ends before
 * 2011-09-01 and mirrors the test one (teacher fitted before 2011-06-01, June and July replayed, scored on
 * August with candidates and test users of the protocol's validation split), by NDCG@10 over a small grid;
 * every grid point is in the report's {@code validation} section.
 *
 * <p>Timing: the replay's wall time (updates, trending counts and snapshots) is the incremental variant's
 * {@code fitSeconds}; the full ALS refit's is the full variant's, measured in the same run. Building the
 * teacher from the stale model (its top lists and neighbours, which the batch layer publishes anyway) is
 * reported apart as {@code teacherSeconds}.
 */
public final class OrIncEvaluation {
    public static final String PROTOCOL = "OR-INC";
    static final String TEACHER = "ALS";
    static final String MODEL = "DIR";
    static final int TOP_LIST = 200;
    static final int NEIGHBOURS = 20;
    static final int TRENDING_ITEMS = TrendingCounter.SNAPSHOT_ITEMS;
    static final double TRENDING_HALF_LIFE_DAYS = TrendingCounter.HALF_LIFE_DAYS;
    private static final long DAY = 86_400_000L;

    /** The windows of one OR-INC-shaped experiment. */
    public record Windows(String label, String staleCutoff, String cutoff, String testEnd) {
        long staleMillis() {
            return OnlineRetailCsv.millis(staleCutoff);
        }

        long cutoffMillis() {
            return OnlineRetailCsv.millis(cutoff);
        }

        long testEndMillis() {
            return testEnd == null ? Long.MAX_VALUE : OnlineRetailCsv.millis(testEnd);
        }
    }

    /** The protocol: stale < 2011-09-01, replay September-October, test >= 2011-11-01. */
    public static final Windows TEST = new Windows("OR-INC", "2011-09-01 00:00:00", "2011-11-01 00:00:00", null);
    /** The validation variant: stale < 2011-06-01, replay June-July, test August (ends before 2011-09-01). */
    public static final Windows VALIDATION = new Windows("OR-INC validation", "2011-06-01 00:00:00",
            "2011-08-01 00:00:00", "2011-09-01 00:00:00");

    /** The teacher's ALS per track: the OR-T validation choice. */
    static AlsRecommender teacherFor(Track track, int threads) {
        return track == Track.A ? new AlsRecommender(64, 1.0, 0.1, 15, 3, 42L, threads)
                : new AlsRecommender(64, 0.25, 0.3, 15, 3, 42L, threads);
    }

    /** One experiment's data: the evaluation split (train before the cut-off), the stale matrix and the replay. */
    public record Setup(Windows windows, EvaluationSplit split, Interactions stale, List<Purchase> replay) {
        public static Setup of(List<Purchase> purchases, Windows w) {
            EvaluationSplit split = EvaluationSplit.temporal(w.label(), "< " + w.cutoff(),
                    ">= " + w.cutoff() + (w.testEnd() == null ? "" : ", < " + w.testEnd()), purchases,
                    w.cutoffMillis(), w.testEndMillis());
            Interactions.Builder stale = Interactions.builder();
            List<Purchase> replay = new ArrayList<>();
            for (Purchase p : purchases) {
                if (p.timestamp() < w.staleMillis()) {
                    stale.add(p.user(), p.item(), p.invoice(), p.timestamp());
                } else if (p.timestamp() < w.cutoffMillis()) {
                    replay.add(p);
                }
            }
            replay.sort(Comparator.comparingLong(Purchase::timestamp)); // stable: file order within a time stamp
            return new Setup(w, split, stale.build(), List.copyOf(replay));
        }
    }

    /**
     * The settings searched on validation (first point: the defaults): learning settings, each replayed once,
     * times list mixes (neighbour weight x trending weight), which only change how the replayed states rank.
     */
    static List<IncrementalConfig> grid(boolean quick) {
        IncrementalConfig d = IncrementalConfig.defaults();
        List<IncrementalConfig> learning = new ArrayList<>(List.of(d));
        if (!quick) {
            learning.addAll(List.of(d.withAlpha(0.1), d.withAlpha(0.5), d.withBeta(0.02), d.withBeta(0.3),
                    d.withLearningRate(0.02), d.withLearningRate(0.2)));
        }
        List<IncrementalConfig> grid = new ArrayList<>();
        for (IncrementalConfig l : learning) {
            grid.add(l);
            for (double neighbour : quick ? new double[] {0.1, 0.6} : new double[] {0.1, 0.3, 0.6}) {
                for (double trending : new double[] {0.3, 0.6}) {
                    IncrementalConfig mix = l.withMix(l.cfWeight(), l.ownWeight(), neighbour, trending);
                    if (!mix.equals(l)) {
                        grid.add(mix);
                    }
                }
            }
        }
        return grid;
    }

    /** Same learning settings: the same replay. */
    private static boolean sameReplay(IncrementalConfig a, IncrementalConfig b) {
        return a.withMix(0, 0, 0, 0).equals(b.withMix(0, 0, 0, 0));
    }

    private OrIncEvaluation() {
    }

    /** Loads, runs and writes the report as JSON. */
    public static EvaluationReport runAndWrite(Path csv, Path out, boolean quick, int threads,
                                               ProgressListener progress) throws IOException {
        long start = System.nanoTime();
        OnlineRetailCsv.Cleaned data = OnlineRetailCsv.load(csv);
        double load = seconds(start);
        EvaluationReport report = run(data, quick, threads, progress, start, load);
        ReportJson.write(report, out);
        return report;
    }

    public static EvaluationReport run(OnlineRetailCsv.Cleaned data, boolean quick, int threads,
                                       ProgressListener progress) {
        return run(data, quick, threads, progress, System.nanoTime(), 0.0);
    }

    private static EvaluationReport run(OnlineRetailCsv.Cleaned data, boolean quick, int threads,
                                        ProgressListener progress, long start, double loadSeconds) {
        Setup validation = Setup.of(data.purchases(), VALIDATION);
        Setup test = Setup.of(data.purchases(), TEST);
        List<IncrementalConfig> grid = grid(quick);
        progress.start("OR-INC evaluation", 2 * (grid.size() + 1));
        List<EvaluationReport.Result> results = new ArrayList<>();
        List<EvaluationReport.ValidationPoint> points = new ArrayList<>();
        List<EvaluationReport.Fit> fits = new ArrayList<>();
        try {
            results.addAll(repeatVariants(test));
            for (Track track : Track.values()) {
                AlsRecommender als = teacherFor(track, threads);
                // Validation: one stale teacher, every grid point replayed and scored.
                TeacherFit vTeacher = TeacherFit.of(validation, als);
                int best = 0;
                double bestNdcg = -1;
                List<TrackMetrics> scored = new ArrayList<>();
                Replayed r = null;
                for (IncrementalConfig config : grid) {
                    if (r == null || !sameReplay(r.config(), config)) {
                        r = replay(validation, vTeacher.teacher, config);
                    }
                    TrackMetrics m = evaluateIncremental(validation, r, config, track);
                    scored.add(m);
                    if (m.at(10).ndcg() > bestNdcg) {
                        bestNdcg = m.at(10).ndcg();
                        best = scored.size() - 1;
                    }
                    progress.advance(1);
                }
                for (int g = 0; g < grid.size(); g++) {
                    points.add(new EvaluationReport.ValidationPoint(track, MODEL, grid.get(g).params(), g == best, 0,
                            scored.get(g)));
                }
                IncrementalConfig chosen = grid.get(best);
                results.addAll(testVariants(test, track, als, chosen, fits));
                progress.advance(1);
            }
        } finally {
            progress.finish();
        }
        List<String> variants = List.of("stale", "stale+history", "incremental", "incremental-no-distill",
                "incremental-no-drift", "full");
        results.sort(Comparator.comparing(EvaluationReport.Result::track)
                .thenComparing(r -> r.model().equals("Repeat") ? 0 : r.model().equals(TEACHER) ? 1 : 2)
                .thenComparing(r -> variants.indexOf(r.variant())));
        EvaluationReport.Run run = new EvaluationReport.Run(Instant.now().toString(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), seconds(start),
                loadSeconds, quick);
        return new EvaluationReport("PROTOCOL.md (OR-INC)", run, data.report(),
                List.of(OrtEvaluation.summary(validation.split()), OrtEvaluation.summary(test.split())), results,
                points, fits);
    }

    /** Stale, stale+history, incremental (with ablations) and full for one track. */
    static List<EvaluationReport.Result> testVariants(Setup test, Track track, AlsRecommender als,
                                                      IncrementalConfig config, List<EvaluationReport.Fit> fits) {
        Set<Track> one = EnumSet.of(track);
        List<EvaluationReport.Result> results = new ArrayList<>();
        TeacherFit teacher = TeacherFit.of(test, als);
        fits.add(new EvaluationReport.Fit(TEACHER, als.params(), "< " + test.windows().staleCutoff(),
                teacher.fitSeconds));
        results.add(result("stale", track, TEACHER, als.params(), teacher.fitSeconds,
                evaluateStale(test, teacher.model, false, one).get(track)));
        results.add(result("stale+history", track, TEACHER, als.params(), teacher.fitSeconds,
                evaluateStale(test, teacher.model, true, one).get(track)));

        Map<String, IncrementalConfig> incremental = new LinkedHashMap<>();
        incremental.put("incremental", config);
        incremental.put("incremental-no-distill", config.withAlpha(0));
        incremental.put("incremental-no-drift", config.withBeta(0));
        for (Map.Entry<String, IncrementalConfig> e : incremental.entrySet()) {
            Replayed r = replay(test, teacher.teacher, e.getValue());
            Map<String, Object> params = new LinkedHashMap<>(e.getValue().params());
            params.put("teacher", TEACHER + " " + als.params());
            params.put("events", r.events);
            params.put("replaySeconds", r.seconds);
            params.put("teacherSeconds", teacher.teacherSeconds);
            params.put("meanItemsTouched", r.itemsTouched / (double) Math.max(1, r.events));
            params.put("maxItemsTouched", r.maxItemsTouched);
            params.put("learnedParameters", r.parameters);
            results.add(result(e.getKey(), track, MODEL, params, r.seconds,
                    evaluateIncremental(test, r, e.getValue(), track)));
            fits.add(new EvaluationReport.Fit(MODEL + " replay (" + e.getKey() + ")", e.getValue().params(),
                    "[" + test.windows().staleCutoff() + ", " + test.windows().cutoff() + ")", r.seconds));
        }

        long start = System.nanoTime();
        FittedModel full = als.fit(test.split().train(), ProgressListener.NONE);
        double fullSeconds = seconds(start);
        fits.add(new EvaluationReport.Fit(TEACHER, als.params(), test.split().trainWindow(), fullSeconds));
        results.add(result("full", track, TEACHER, als.params(), fullSeconds,
                Evaluator.evaluate(full, test.split(), one).get(track)));
        return results;
    }

    private static EvaluationReport.Result result(String variant, Track track, String model,
                                                  Map<String, Object> params, double seconds, TrackMetrics metrics) {
        return new EvaluationReport.Result(PROTOCOL, variant, track, model, params, seconds, metrics);
    }

    /** Repeat (track A only): stale, stale+history, full. */
    static List<EvaluationReport.Result> repeatVariants(Setup test) {
        RepeatRecommender repeat = new RepeatRecommender();
        Set<Track> a = EnumSet.of(Track.A);
        FittedModel stale = repeat.fit(test.stale(), ProgressListener.NONE);
        FittedModel full = repeat.fit(test.split().train(), ProgressListener.NONE);
        return List.of(
                result("stale", Track.A, repeat.name(), repeat.params(), 0, evaluateStale(test, stale, false, a).get(Track.A)),
                result("stale+history", Track.A, repeat.name(), repeat.params(), 0,
                        evaluateStale(test, stale, true, a).get(Track.A)),
                result("full", Track.A, repeat.name(), repeat.params(), 0,
                        Evaluator.evaluate(full, test.split(), a).get(Track.A)));
    }

    /** The stale ALS fit and the teacher built from it. */
    record TeacherFit(AlsRecommender.Fitted model, Teacher teacher, double fitSeconds, double teacherSeconds) {
        static TeacherFit of(Setup setup, AlsRecommender als) {
            long start = System.nanoTime();
            AlsRecommender.Fitted model = als.fit(setup.stale(), ProgressListener.NONE);
            double fit = seconds(start);
            start = System.nanoTime();
            Teacher teacher = Teacher.of(setup.windows().staleCutoff(), model, (double) als.params().get("alpha"),
                    (double) als.params().get("reg"), new ItemKnnRecommender(NEIGHBOURS).fit(setup.stale(),
                            ProgressListener.NONE), TOP_LIST, BehaviourWeights.DEFAULT.of(EventType.BUY));
            return new TeacherFit(model, teacher, fit, seconds(start));
        }
    }

    /**
     * A stale model scored under PROTOCOL.md section 3 with the split's candidates: items it never saw rank
     * after those it knows; users it never saw score zero (so: its popularity order). {@code freshHistory}
     * scores the histories up to the cut-off (a factor model folds them in) instead of the stale ones.
     */
    static Map<Track, TrackMetrics> evaluateStale(Setup setup, FittedModel model, boolean freshHistory,
                                                  Set<Track> tracks) {
        Interactions stale = model.train();
        Interactions train = setup.split().train();
        ModelCandidates candidates = ModelCandidates.of(stale, train);
        return lists(setup.split(), tracks, (user, excluded) -> {
            UserHistory history = freshHistory ? stale.historyFrom(train, user) : candidates.history(user);
            double[] modelScores = new double[stale.numItems()];
            if (freshHistory && model instanceof AlsRecommender.Fitted als) {
                als.scoreVector(als.foldIn(history), modelScores);
            } else {
                model.score(history, modelScores);
            }
            return candidates.ranker().top(candidates.toCandidates(modelScores), excluded);
        });
    }

    /** The states after a replay, and what the replay cost. */
    record Replayed(IncrementalConfig config, Teacher teacher, Map<String, UserState> states, Trending trending, long events, double seconds,
                    long itemsTouched, int maxItemsTouched, long parameters) {
    }

    /**
     * Replays the setup's events in event-time order through {@link IncrementalModel#update}, as the speed layer
     * would: each purchase line is a BUY event; trending counts start from the stale data's last four weeks and
     * are snapshot once a day of event time.
     */
    static Replayed replay(Setup setup, Teacher teacher, IncrementalConfig config) {
        long start = System.nanoTime();
        IncrementalModel model = new IncrementalModel(config, BehaviourWeights.DEFAULT);
        double buy = BehaviourWeights.DEFAULT.of(EventType.BUY);
        TrendingCounter counter = new TrendingCounter(TRENDING_HALF_LIFE_DAYS);
        long staleCutoff = setup.windows().staleMillis();
        Interactions stale = setup.stale();
        for (int u = 0; u < stale.numUsers(); u++) {
            UserHistory h = stale.history(u);
            for (int k = 0; k < h.size(); k++) {
                if (h.lastMillis()[k] >= staleCutoff - TrendingCounter.SEED_DAYS * DAY) {
                    counter.add(stale.itemId(h.items()[k]), buy, h.lastMillis()[k]);
                }
            }
        }
        Trending trending = counter.snapshot(staleCutoff, TRENDING_ITEMS);
        long nextSnapshot = staleCutoff + DAY;
        Map<String, UserState> states = new HashMap<>();
        long touched = 0;
        int maxTouched = 0;
        long n = 0;
        for (Purchase p : setup.replay()) {
            if (p.timestamp() >= nextSnapshot) {
                trending = counter.snapshot(p.timestamp(), TRENDING_ITEMS);
                nextSnapshot = p.timestamp() + DAY;
            }
            BehaviourEvent event = new BehaviourEvent(p.invoice() + ":" + p.item(), p.user(), p.item(), EventType.BUY,
                    p.timestamp(), 1, null, null, null, null, null, null, "or-inc-replay");
            UserState state = states.getOrDefault(p.user(), null);
            IncrementalModel.Update update = model.update(state == null ? UserState.empty(p.user()) : state, event,
                    teacher, trending);
            states.put(p.user(), update.state());
            counter.add(p.item(), buy, p.timestamp());
            touched += update.itemsTouched();
            maxTouched = Math.max(maxTouched, update.itemsTouched());
            n++;
        }
        trending = counter.snapshot(setup.windows().cutoffMillis(), TRENDING_ITEMS);
        double seconds = seconds(start);
        long parameters = states.values().stream().mapToLong(UserState::parameters).sum();
        return new Replayed(config, teacher, states, trending, n, seconds, touched, maxTouched, parameters);
    }

    /**
     * The incremental model's lists under section 3: the candidates are the split's items, all of which the
     * model has seen (in the teacher's data or the replay), ties by buyers in the data up to the cut-off.
     */
    static TrackMetrics evaluateIncremental(Setup setup, Replayed replayed, IncrementalConfig config, Track track) {
        IncrementalModel model = new IncrementalModel(config, BehaviourWeights.DEFAULT);
        Interactions train = setup.split().train();
        Ranker ranker = Ranker.forTrainingItems(train, Evaluator.LIST_SIZE);
        long now = setup.windows().cutoffMillis();
        return lists(setup.split(), EnumSet.of(track), (user, excluded) -> {
            String id = train.userId(user);
            Set<String> excludedIds = new HashSet<>();
            for (int c : excluded) {
                excludedIds.add(train.itemId(c));
            }
            UserState state = replayed.states().getOrDefault(id, UserState.empty(id));
            List<ScoredItem> list = model.recommend(state, Evaluator.LIST_SIZE, excludedIds, now, replayed.teacher(),
                    replayed.trending());
            double[] scores = new double[train.numItems()];
            Arrays.fill(scores, Double.NEGATIVE_INFINITY);
            for (int k = 0; k < list.size(); k++) {
                int c = train.itemIndex(list.get(k).item());
                if (c >= 0) {
                    scores[c] = list.size() - k;
                }
            }
            return ranker.top(scores, excluded);
        }).get(track);
    }

    /** Gives a split user's list, best first, in candidate indices, never listing {@code excluded}. */
    interface ListSource {
        int[] top(int user, int[] excluded);
    }

    /** Metrics of the lists of every test user of the tracks (track B excludes the user's training items). */
    static Map<Track, TrackMetrics> lists(EvaluationSplit split, Set<Track> tracks, ListSource source) {
        Interactions train = split.train();
        Map<Track, TrackMetrics> results = new EnumMap<>(Track.class);
        for (Track track : tracks) {
            List<TestUser> users = split.testUsers(track);
            int[][] lists = new int[users.size()][];
            java.util.stream.IntStream.range(0, users.size()).parallel().forEach(k -> {
                int user = users.get(k).user();
                lists[k] = source.top(user, track == Track.A ? new int[0] : train.history(user).items());
            });
            MetricsAccumulator metrics = new MetricsAccumulator(split.candidates());
            for (int k = 0; k < users.size(); k++) {
                metrics.add(lists[k], users.get(k).truth());
            }
            results.put(track, metrics.result());
        }
        return results;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
