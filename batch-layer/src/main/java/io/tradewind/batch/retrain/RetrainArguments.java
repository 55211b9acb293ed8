package io.tradewind.batch.retrain;

import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.batch.retrain.metrics.RetrainMetricsFile;
import io.tradewind.contracts.config.ConfigKey;
import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
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
    @Option(names = "--config", paramLabel = "FILE",
            description = "Platform configuration file (docs/configuration.md; default: the file $TRADEWIND_CONFIG "
                    + "names): storage.master-dataset, storage.views and retrain.lock-timeout; the options below win.")
    Path config;

    @Option(names = "--events", paramLabel = "URI",
            description = "Master data set URI, hdfs://… or file://… (default: the configuration's storage.master-dataset).")
    String events;

    @Option(names = "--out", paramLabel = "URI", description = "Batch-views root URI; a new version is added below it "
            + "(default: the configuration's storage.views).")
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

    @Option(names = "--lock-timeout", paramLabel = "DURATION",
            description = "A retrain lock older than this is stale: its holder is presumed dead, e.g. 90m or 6h "
                    + "(default: the configuration's retrain.lock-timeout, 6h).")
    String lockTimeout;

    @Option(names = "--break-lock",
            description = "Remove a stale retrain lock (its holder's pid is gone on this host, or it is older than "
                    + "--lock-timeout) and go on; a live retrain's lock is never removed.")
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
    public SchedulingOptions toScheduling() throws IOException {
        return new SchedulingOptions(configuration().duration(PlatformKeys.RETRAIN_LOCK_TIMEOUT), breakLock, activate);
    }

    /** The parsed values as options; an out-of-range value throws {@link IllegalArgumentException} naming it. */
    public RetrainOptions toOptions() throws IOException {
        PlatformConfig configuration = configuration();
        return new RetrainOptions(storage(events, configuration, PlatformKeys.STORAGE_MASTER_DATASET, "--events"),
                storage(out, configuration, PlatformKeys.STORAGE_VIEWS, "--out"), asOf,
                Duration.ofDays(windowDays), Duration.ofDays(holdoutDays), segments, 50, parallelism, 42L,
                BehaviourWeights.parse(behaviourWeights), maxModelItems);
    }

    /**
     * The option as given (a Hadoop path: with a scheme, or resolved against fs.defaultFS like any Hadoop path),
     * else the configuration's key, which needs a scheme so a file means the same on every host.
     */
    private static String storage(String option, PlatformConfig configuration, ConfigKey key, String name) {
        return option != null ? option : configuration.required(key, "retrain (or pass " + name + ")");
    }

    /** Hadoop's settings from the class path ({@code HADOOP_CONF_DIR}), with the configuration's hadoop.conf.* over them. */
    public Configuration toHadoop() throws IOException {
        Configuration hadoop = new Configuration();
        configuration().passThrough(PlatformKeys.HADOOP_CONF).forEach(hadoop::set);
        return hadoop;
    }

    /** The configuration file and environment, with this command line's --lock-timeout over them. */
    PlatformConfig configuration() throws IOException {
        return PlatformConfig.forProcess(config, System.getenv())
                .withOption(PlatformKeys.RETRAIN_LOCK_TIMEOUT, lockTimeout, "--lock-timeout");
    }
}
