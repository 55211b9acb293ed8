package io.tradewind.batch.retrain;

import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.batch.retrain.metrics.RetrainMetricsFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The retrain's command-line options, parsed once for both entry points: {@code ./tradewind retrain} (the
 * launcher mixes this in) and {@code flink run -c io.tradewind.batch.retrain.RetrainJob} (the job jar).
 */
public final class RetrainArguments {
    @Option(names = "--events", required = true, description = "Master data set URI (hdfs://… or file://…).")
    String events;

    @Option(names = "--out", required = true, description = "Batch-views root URI; a new version is added below it.")
    String out;

    @Option(names = "--as-of", required = true, converter = TimeArgument.class,
            description = "Only events before this time count (2011-12-10, 2011-12-10T12:00:00 or an instant).")
    Instant asOf;

    @Option(names = "--window-days", defaultValue = "365", description = "Portrait (RFM) window in days (default ${DEFAULT-VALUE}).")
    int windowDays;

    @Option(names = "--holdout-days", defaultValue = "30",
            description = "Last days before --as-of held out for offline evaluation (default ${DEFAULT-VALUE}).")
    int holdoutDays;

    @Option(names = "--segments", description = "Number of segments; default: chosen by WCSS elbow and silhouette over 2..8.")
    Integer segments;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--behaviour-weights", defaultValue = "view=1,fav=2,cart=3,buy=5,return=-5",
            description = "How much each behaviour counts in the models and popularity; view < fav < cart < buy, return "
                    + "negative (default ${DEFAULT-VALUE}).")
    String behaviourWeights;

    @Option(names = "--max-model-items", defaultValue = "5000",
            description = "The models see only this many most-interacted items (EASE and the neighbours are quadratic "
                    + "in items; default ${DEFAULT-VALUE}).")
    int maxModelItems;

    @Option(names = "--lock-timeout-hours", defaultValue = "6",
            description = "A retrain lock older than this is stale: its holder is presumed dead (default ${DEFAULT-VALUE}).")
    double lockTimeoutHours;

    @Option(names = "--break-lock",
            description = "Remove a stale retrain lock (its holder's pid is gone on this host, or it is older than "
                    + "--lock-timeout-hours) and go on; a live retrain's lock is never removed.")
    boolean breakLock;

    @Option(names = "--activate",
            description = "Switch CURRENT to the new version even when --as-of is earlier than CURRENT's (a backfill, "
                    + "which otherwise leaves CURRENT alone).")
    boolean activate;

    @Option(names = "--metrics-file", paramLabel = "PATH",
            description = "After the run, whatever its outcome, write its metrics here in Prometheus text format "
                    + "(atomically; for node_exporter's textfile collector name it *.prom): last run and last success "
                    + "times, outcome (success, failed, locked), duration per stage, the written version's as-of.")
    Path metricsFile;

    /**
     * The metrics file to write after the run, checked now (its folder exists and is writable, a file already there
     * is a retrain metrics file); a bad one throws {@link IllegalArgumentException} naming it.
     */
    public Optional<RetrainMetricsFile> toMetricsFile() {
        return Optional.ofNullable(metricsFile).map(RetrainMetricsFile::at);
    }

    /** How this run shares the views root with other runs; an out-of-range value throws {@link IllegalArgumentException}. */
    public SchedulingOptions toScheduling() {
        return new SchedulingOptions(Duration.ofSeconds(Math.round(lockTimeoutHours * 3600)), breakLock, activate);
    }

    /** The parsed values as options; an out-of-range value throws {@link IllegalArgumentException} naming it. */
    public RetrainOptions toOptions() {
        return new RetrainOptions(events, out, asOf, Duration.ofDays(windowDays), Duration.ofDays(holdoutDays),
                segments, 50, parallelism, 42L, BehaviourWeights.parse(behaviourWeights), maxModelItems);
    }
}
