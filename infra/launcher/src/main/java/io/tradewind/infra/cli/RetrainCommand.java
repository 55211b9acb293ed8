package io.tradewind.infra.cli;

import io.tradewind.batch.retrain.MeteredRetrain;
import io.tradewind.batch.retrain.RetrainArguments;
import io.tradewind.batch.retrain.RetrainOptions;
import io.tradewind.batch.retrain.RetrainPipeline;
import io.tradewind.batch.retrain.RetrainSummary;
import io.tradewind.batch.retrain.SchedulingOptions;
import io.tradewind.batch.retrain.metrics.RetrainMetricsFile;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./tradewind retrain}: the same options as the job jar's {@code RetrainJob}, run on a local MiniCluster. */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = "Retrain portraits and recommendation models from the master data set (Flink batch) and publish "
                + "a new batch-view version. One retrain at a time per --out: a second one exits "
                + TradewindCli.EXIT_LOCKED + " naming the holder of the lock.")
final class RetrainCommand implements Callable<Integer> {
    @Mixin
    RetrainArguments arguments;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RetrainOptions options;
        SchedulingOptions scheduling;
        Optional<RetrainMetricsFile> metricsFile;
        Configuration hadoop;
        try {
            options = arguments.toOptions();
            scheduling = arguments.toScheduling();
            metricsFile = arguments.toMetricsFile();
            hadoop = arguments.toHadoop();
        } catch (IllegalArgumentException badOption) {
            throw new ParameterException(spec.commandLine(), badOption.getMessage()); // a usage error: exit 2
        }
        RetrainPipeline pipeline = new RetrainPipeline(hadoop, new ConsoleProgress());
        RetrainPipeline.Result result = new MeteredRetrain(pipeline, metricsFile, System.err)
                .run(options, scheduling);
        RetrainSummary.print(result, System.out);
        return 0;
    }
}
