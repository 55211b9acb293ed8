package io.tradewind.batch.retrain;

import io.tradewind.contracts.views.RetrainLockedException;
import io.tradewind.core.progress.ProgressListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Entry point of the job jar for a Flink cluster:
 * {@code flink run -c io.tradewind.batch.retrain.RetrainJob tradewind-batch-layer-…-job.jar --events … --as-of … --out …}.
 *
 * <p>{@code main} runs in the Flink client: the aggregation job goes to the cluster that {@code flink run}
 * points at, its results come back through collect sinks, and portraits, model fits and the views are
 * computed and written here, as {@code ./tradewind retrain} does on its MiniCluster. Hadoop settings come
 * from the client's class path ({@code HADOOP_CONF_DIR}), as for any Flink job.
 */
@Command(name = "RetrainJob",
        description = "Retrain portraits and models from the master data set and publish a new batch-view version.")
public final class RetrainJob {
    /** Exit code of a run refused because another retrain holds (or a dead one left) the views root's lock. */
    public static final int EXIT_LOCKED = 3;

    @Mixin
    RetrainArguments arguments;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    public static void main(String[] args) throws Exception {
        RetrainJob job = new RetrainJob();
        CommandLine cli = new CommandLine(job);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException wrong) {
            cli.usage(System.err);
            throw wrong; // flink run prints the reason and exits non-zero
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.out);
            return;
        }
        RetrainPipeline pipeline = new RetrainPipeline(job.arguments.toHadoop(), ProgressListener.NONE);
        RetrainPipeline.Result result;
        try {
            result = new MeteredRetrain(pipeline, job.arguments.toMetricsFile(), System.err)
                    .run(job.arguments.toOptions(), job.arguments.toScheduling());
        } catch (RetrainLockedException locked) {
            // A scheduler tells "another retrain runs, try later" from a failure by the exit code, as with
            // ./tradewind retrain; thrown, it would become the Flink client's generic 1.
            System.err.println("error: " + locked.getMessage());
            System.exit(EXIT_LOCKED);
            return;
        }
        RetrainSummary.print(result, System.out);
    }
}
