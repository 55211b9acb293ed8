package io.tradewind.batch.retrain;

import io.tradewind.batch.retrain.metrics.RetrainMetricsFile;
import io.tradewind.batch.retrain.metrics.RetrainOutcome;
import io.tradewind.batch.retrain.metrics.RetrainRun;
import io.tradewind.contracts.views.RetrainLockedException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;

/**
 * A retrain run that leaves its metrics file behind whatever happens: success, failure, or a lock held by another
 * run. Both entry points ({@code ./tradewind retrain} and {@code RetrainJob} under {@code flink run}) run through it,
 * so the file means the same everywhere. The run's own result or exception is passed on unchanged: a metrics file
 * that cannot be written is reported on {@code err} and does not turn a good retrain into a failed one (the file's
 * last-run time then stops moving, which the dashboard shows).
 */
public final class MeteredRetrain {
    private final RetrainPipeline pipeline;
    private final Optional<RetrainMetricsFile> metricsFile;
    private final PrintStream err;

    public MeteredRetrain(RetrainPipeline pipeline, Optional<RetrainMetricsFile> metricsFile, PrintStream err) {
        this.pipeline = pipeline;
        this.metricsFile = metricsFile;
        this.err = err;
    }

    public RetrainPipeline.Result run(RetrainOptions options, SchedulingOptions scheduling) throws Exception {
        Instant started = Instant.now();
        RetrainPipeline.Result result;
        try {
            result = pipeline.run(options, scheduling);
        } catch (Exception e) {
            record(new RetrainRun(started, Instant.now(),
                    e instanceof RetrainLockedException ? RetrainOutcome.LOCKED : RetrainOutcome.FAILED,
                    pipeline.stageSeconds(), Optional.empty()));
            throw e;
        }
        record(new RetrainRun(started, Instant.now(), RetrainOutcome.SUCCESS, pipeline.stageSeconds(),
                Optional.of(new RetrainRun.WrittenVersion(result.version(), options.asOf(),
                        result.currentKeptBecause().isEmpty()))));
        return result;
    }

    private void record(RetrainRun run) {
        if (metricsFile.isEmpty()) {
            return;
        }
        try {
            metricsFile.get().write(run);
        } catch (IOException | RuntimeException e) {
            err.println("warning: the retrain's metrics file " + metricsFile.get().path() + " was not written: " + e);
        }
    }
}
