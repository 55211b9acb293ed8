package io.tradewind.batch.retrain;

import io.tradewind.contracts.views.ItemStat;

import io.tradewind.contracts.masterdata.Locations;
import io.tradewind.batch.report.RetrainReport;
import io.tradewind.contracts.views.Manifest;
import io.tradewind.contracts.views.PopularityView;
import io.tradewind.contracts.views.RetrainLock;
import io.tradewind.contracts.views.RetrainLockOwner;
import io.tradewind.contracts.views.RfmBaselineView;
import io.tradewind.contracts.views.SegmentsView;
import io.tradewind.contracts.views.TrendingView;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.incremental.Trending;
import io.tradewind.core.incremental.TrendingCounter;
import io.tradewind.core.model.FitCache;
import io.tradewind.core.model.InteractionStrength;
import io.tradewind.core.model.Recommender;
import io.tradewind.core.popularity.PopularityTable;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.core.portrait.PortraitBuilder;
import io.tradewind.core.progress.ProgressListener;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The nightly batch retrain: aggregate the event history in Flink, build portraits and models, write a new
 * batch-view version and switch {@code CURRENT} to it. A failure anywhere leaves {@code CURRENT} where it was.
 *
 * <p>The whole run holds the views root's {@link RetrainLock}, so a second retrain on the same root stops before
 * it starts Flink. A version as of an earlier time than CURRENT's (a backfill) is written but does not take
 * CURRENT ({@link BackfillRule}).
 */
public final class RetrainPipeline {
    private static final DateTimeFormatter VERSION_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int POPULAR_ITEMS = 100;
    public static final String REPORT = "report.html";

    private final Configuration hadoopConf;
    private final ProgressListener progress;
    private final FitCache cache = new FitCache();
    private final List<Recommender> recommenders;
    /** Seconds per finished stage of the latest run; kept when a run fails, so its metrics show how far it got. */
    private final Map<String, Double> stageSeconds = new LinkedHashMap<>();

    public RetrainPipeline(Configuration hadoopConf, ProgressListener progress) {
        this.hadoopConf = hadoopConf;
        this.progress = progress;
        this.recommenders = PublishedModels.defaults(cache);
    }

    /**
     * What a finished retrain wrote; {@code currentKeptBecause} says why CURRENT was not switched to it (a
     * backfill), empty when it was.
     */
    public record Result(String version, String versionUri, Manifest manifest, List<Portrait> portraits,
                         Optional<String> currentKeptBecause) {
    }

    public Result run(RetrainOptions options) throws Exception {
        return run(options, SchedulingOptions.DEFAULTS);
    }

    public Result run(RetrainOptions options, SchedulingOptions scheduling) throws Exception {
        stageSeconds.clear();
        requireEventsExist(options.eventsUri());
        ViewStore store = new ViewStore(options.outUri(), hadoopConf);
        try (RetrainLock lock = RetrainLock.acquire(store, RetrainLockOwner.thisProcess(options.asOf()),
                scheduling.lockTimeout(), scheduling.breakLock())) {
            return retrain(options, store, scheduling.activate());
        }
    }

    /**
     * Seconds each stage of the latest {@link #run} took ({@code aggregate}, {@code portraits}, {@code write},
     * {@code models}, in that order), as far as it got: a failed run has the stages before the failure.
     */
    public Map<String, Double> stageSeconds() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
    }

    private Result retrain(RetrainOptions options, ViewStore store, boolean activate) throws Exception {
        Map<String, Double> seconds = stageSeconds;
        List<String> files = MasterDatasetSource.filesUpTo(options.eventsUri(), options.asOf(), hadoopConf);
        if (files.isEmpty()) {
            throw noEventsBeforeAsOf(options);
        }

        long t0 = System.nanoTime();
        progress.start("Aggregating events in Flink", -1);
        EventAggregates aggregates = new EventAggregationJob(
                env -> MasterDatasetSource.events(env, options.eventsUri(), files, hadoopConf), options.parallelism(),
                options.behaviourWeights())
                .execute(options.asOfMillis(), options.portraitWindowStartMillis());
        progress.finish();
        seconds.put("aggregate", elapsed(t0));
        if (aggregates.events() == 0) {
            throw noEventsBeforeAsOf(options);
        }

        long t1 = System.nanoTime();
        progress.start("Building portraits", -1);
        PortraitBuilder.Result portraits = new PortraitBuilder(options.asOfMillis(), options.segments(), options.seed())
                .build(aggregates.users());
        progress.finish();
        seconds.put("portraits", elapsed(t1));

        ViewStore.VersionWriter writer = store.newVersion(VERSION_FORMAT.format(Instant.now()));
        Result written;
        try {
            written = writeVersion(writer, options, aggregates, portraits, seconds);
            writer.complete();
        } catch (Exception e) {
            writer.abandon();
            throw e;
        }
        Optional<String> keptBecause = BackfillRule.keepCurrentBecause(store, written.version(), options.asOf(), activate);
        if (keptBecause.isEmpty()) {
            store.publish(written.version());
        }
        return new Result(written.version(), written.versionUri(), written.manifest(), written.portraits(), keptBecause);
    }

    private Result writeVersion(ViewStore.VersionWriter writer, RetrainOptions options, EventAggregates aggregates,
                                PortraitBuilder.Result portraits, Map<String, Double> seconds) throws IOException {
        String version = writer.version();
        Map<String, Long> rows = new LinkedHashMap<>();
        long t2 = System.nanoTime();
        rows.put("portraits.jsonl", writer.writeJsonLines("portraits.jsonl", portraits.portraits()));
        // The speed layer's starting point for live RFM: the unrounded inputs of each user's RFM at the as-of.
        rows.put(RfmBaselineView.FILE, writer.writeJsonLines(RfmBaselineView.FILE,
                aggregates.users().stream().map(RfmBaselineView::of).filter(Objects::nonNull).toList()));
        SegmentsView segmentsView = SegmentsView.of(portraits);
        writer.writeJson("segments.json", segmentsView);
        InteractionStrength strength = InteractionStrength.of(options.behaviourWeights(),
                aggregates.eventsByType().keySet());
        rows.put("popularity.jsonl", writer.writeJsonLines("popularity.jsonl",
                popularity(aggregates, portraits, strength)));
        rows.put("items.jsonl", writer.writeJsonLines("items.jsonl", aggregates.items()));
        rows.put(TrendingView.FILE, writer.writeJsonLines(TrendingView.FILE, trending(aggregates.pairs())));
        seconds.put("write", elapsed(t2));

        long t3 = System.nanoTime();
        progress.start("Fitting and evaluating models", -1);
        ModelStage.Outcome models = new ModelStage(recommenders, cache, ProgressListener.NONE)
                .run(aggregates.pairs(), strength, options, writer);
        progress.finish();
        rows.putAll(models.rowCounts());
        seconds.put("models", elapsed(t3));

        long buyers = portraits.portraits().stream().filter(p -> !p.isNewUser()).count();
        RetrainSignals signals = RetrainSignals.of(aggregates, strength, buyers,
                ModelCatalogue.distinctItems(ModelCatalogue.mostInteracted(aggregates.pairs(), options.maxModelItems())),
                portraits.segmented(), models.evaluation().containsKey("models"));
        writer.writeJson(RetrainSignals.FILE, signals);
        Manifest manifest = new Manifest(version, options.asOf().toString(), Instant.now().toString(),
                input(options, aggregates, portraits), rows,
                portraits.segmented() ? List.of(portraits.model().labels()) : List.of(), models.models(), models.evaluation(),
                new LinkedHashMap<>(seconds));
        writer.writeText(REPORT, RetrainReport.html(manifest, segmentsView, portraits.portraits(), models.curves(),
                signals));
        writer.writeJson(ViewStore.MANIFEST, manifest);
        return new Result(version, writer.finalDir().toString(), manifest, portraits.portraits(), Optional.empty());
    }

    private static IllegalArgumentException noEventsBeforeAsOf(RetrainOptions options) {
        return new IllegalArgumentException("no events before --as-of " + options.asOf() + " in "
                + options.eventsUri() + ": choose a later --as-of or import data first");
    }

    private void requireEventsExist(String eventsUri) throws IOException {
        Path path = new Path(Locations.toUri(eventsUri));
        FileSystem fs = path.getFileSystem(hadoopConf);
        if (!fs.exists(path)) {
            throw new IllegalArgumentException("no master data set at " + eventsUri
                    + ": import events first (./tradewind import --source … --input … --to " + eventsUri + ")");
        }
    }

    /**
     * The items trending at the as-of, best first: per item, the sum of its pairs' decayed weights, which is what the
     * speed layer's {@link TrendingCounter} would hold had it seen the same events.
     */
    static List<TrendingView> trending(List<PairStat> pairs) {
        Map<String, Double> scores = new HashMap<>();
        for (PairStat pair : pairs) {
            if (pair.trendingWeight() > 0) {
                scores.merge(pair.itemId(), pair.trendingWeight(), Double::sum);
            }
        }
        Trending best = TrendingCounter.best(scores, TrendingCounter.SNAPSHOT_ITEMS);
        List<TrendingView> rows = new ArrayList<>(best.size());
        for (int k = 0; k < best.size(); k++) {
            rows.add(new TrendingView(best.item(k), best.score(k)));
        }
        return rows;
    }

    /**
     * Cold-start lists: global, per country (buyers, from the Flink per-item counts) and per segment. Globally
     * and per segment each user adds the weight of the strongest thing they did with the item, so a purchase
     * log counts distinct buyers and a click log still ranks (a view 1, a purchase 5 with default weights). All
     * net of returns: a user who returned every unit bought is no buyer ({@link PairStat#strongestWeight}).
     */
    static List<PopularityView> popularity(EventAggregates aggregates, PortraitBuilder.Result portraits,
                                           InteractionStrength strength) {
        PopularityTable global = new PopularityTable();
        PopularityTable byCountry = new PopularityTable();
        for (ItemStat item : aggregates.items()) {
            item.buyersByCountry().forEach((country, buyers) -> byCountry.addBuyers(country, item.itemId(), buyers));
        }
        Map<String, String> segmentOf = new HashMap<>();
        portraits.portraits().forEach(p -> segmentOf.put(p.userId(), p.segment()));
        PopularityTable bySegment = new PopularityTable();
        for (PairStat pair : aggregates.pairs()) {
            int weight = strength.popularityWeight(pair.strongestWeight(strength.weights()));
            if (weight == 0) {
                continue;
            }
            global.addBuyers(PopularityView.GLOBAL, pair.itemId(), weight);
            String segment = segmentOf.get(pair.userId());
            if (segment != null) {
                bySegment.addBuyers(segment, pair.itemId(), weight);
            }
        }
        List<PopularityView> out = new ArrayList<>();
        global.top(POPULAR_ITEMS).forEach((g, items) -> out.add(new PopularityView(PopularityView.GLOBAL, g, items)));
        byCountry.top(POPULAR_ITEMS).forEach((g, items) -> out.add(new PopularityView(PopularityView.COUNTRY, g, items)));
        bySegment.top(POPULAR_ITEMS).forEach((g, items) -> out.add(new PopularityView(PopularityView.SEGMENT, g, items)));
        return out;
    }

    private static Manifest.Input input(RetrainOptions o, EventAggregates a, PortraitBuilder.Result p) {
        long buyers = p.portraits().stream().filter(x -> !x.isNewUser()).count();
        return new Manifest.Input(o.eventsUri(), a.events(), Instant.ofEpochMilli(o.portraitWindowStartMillis()).toString(),
                Instant.ofEpochMilli(o.holdoutStartMillis()).toString(), a.users().size(), buyers, a.items().size(),
                a.pairs().size());
    }

    private static double elapsed(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0;
    }
}
