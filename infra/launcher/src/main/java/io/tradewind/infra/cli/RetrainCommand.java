package io.tradewind.infra.cli;

import io.tradewind.batch.retrain.RetrainOptions;
import io.tradewind.batch.retrain.RetrainPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = "Retrain portraits and recommendation models from the master data set (Flink batch) and publish "
                + "a new batch-view version.")
final class RetrainCommand implements Callable<Integer> {
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RetrainOptions options;
        try {
            options = new RetrainOptions(events, out, asOf, Duration.ofDays(windowDays), Duration.ofDays(holdoutDays),
                    segments, 50, parallelism, 42L);
        } catch (IllegalArgumentException badOption) {
            throw new ParameterException(spec.commandLine(), badOption.getMessage()); // a usage error: exit 2
        }
        RetrainPipeline.Result result = new RetrainPipeline(new Configuration(), new ConsoleProgress()).run(options);
        RetrainSummary.print(result, System.out);
        return 0;
    }
}
