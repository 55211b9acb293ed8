package io.tradewind.infra.serve;

import io.tradewind.contracts.catalogue.CatalogueFields;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.speed.SpeedLayerJob;
import io.tradewind.speed.SpeedLayerSettings;
import io.tradewind.speed.trending.TrendingSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;

/**
 * The speed layer as {@code serve} and {@code demo} run it on this machine: the same streaming job that
 * {@code flink run} submits to a cluster, on a Flink MiniCluster in this JVM, reading the embedded Kafka and writing
 * the embedded HDFS, HBase and Elasticsearch (the catalogue's trending fields). A failing task restarts from the last checkpoint (a few times), as on a cluster.
 * Its metrics are served in Prometheus format by Flink's reporter ({@link #metricsUrl()}), as on a cluster
 * configured for it.
 */
public final class SpeedLayerRunner implements AutoCloseable {
    private final JobClient job;
    private final String metricsUrl;
    private final SpeedLayerSettings settings;

    private SpeedLayerRunner(JobClient job, String metricsUrl, SpeedLayerSettings settings) {
        this.job = job;
        this.metricsUrl = metricsUrl;
        this.settings = settings;
    }

    public static SpeedLayerRunner start(StoreEndpoints stores, org.apache.hadoop.conf.Configuration hadoop,
                                         PrintStream out) throws Exception {
        return start(stores, hadoop, out, UnaryOperator.identity());
    }

    /** @param tuning changes to the embedded defaults (e.g. a benchmark's checkpoint interval) */
    public static SpeedLayerRunner start(StoreEndpoints stores, org.apache.hadoop.conf.Configuration hadoop,
                                         PrintStream out, UnaryOperator<SpeedLayerSettings> tuning) throws Exception {
        SpeedLayerSettings settings = tuning.apply(SpeedLayerSettings.defaults(stores.kafka(), stores.eventsUri(),
                        stores.viewsUri())
                .withHadoop(SpeedLayerSettings.entries(hadoop))
                .withHbase(SpeedLayerSettings.entries(stores.hbaseConfiguration()), HBaseStoreSettings.DEFAULT_NAMESPACE)
                .withVersionCheckInterval(Duration.ofSeconds(5))
                .withTrending(TrendingSettings.defaults().publishingTo(stores.elasticsearch(), CatalogueFields.DEFAULT_ALIAS)));
        Configuration flink = new Configuration();
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        flink.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        flink.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(5));
        FlinkPrometheusReporter reporter = FlinkPrometheusReporter.onFreePort();
        reporter.configure(flink);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        new SpeedLayerJob(settings).build(env);
        JobClient job = env.executeAsync(SpeedLayerJob.JOB_NAME);
        out.println("Speed layer running (Flink job " + job.getJobID() + "): " + settings.eventsTopic() + " -> "
                + settings.masterDatasetUri() + ", HBase real-time views"
                + (settings.trending().publishes() ? " and the catalogue's trending fields" : "")
                + "; dead letters in " + settings.deadLetterTopic());
        if (reporter.listening()) {
            out.println("Speed layer metrics (Prometheus): " + reporter.url());
        } else {
            out.println("Speed layer metrics: Flink's Prometheus reporter did not start on " + reporter.url()
                    + " (the port was taken meanwhile?); the job runs without it, see the log");
        }
        return new SpeedLayerRunner(job, reporter.url(), settings);
    }

    /** Where Flink's Prometheus reporter serves the MiniCluster's metrics (checkpoints, Kafka lag, the job's counters). */
    public String metricsUrl() {
        return metricsUrl;
    }

    /**
     * Stops without losing an event: waits (up to {@code drain}) until every event on the topic is archived and
     * committed, then stops with a savepoint, whose completion commits the archive's last files. Kafka's data does not
     * outlive an embedded stack, so what the job has not archived when it stops would be gone. Falls back to
     * cancelling, and says what may be missing, when the drain or the savepoint does not finish.
     */
    public void stopGracefully(Duration drain, PrintStream out) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.kafkaBootstrap()))) {
            ConsumerLag lag = new ConsumerLag(admin, settings.eventsTopic(), settings.consumerGroup());
            long pending = lag.now();
            if (pending > 0) {
                out.printf("Speed layer: archiving the %,d events Kafka still holds ...%n", pending);
            }
            if (!lag.awaitZero(drain)) {
                out.printf("Speed layer: %,d events were not archived within %d s; they stay in Kafka only until this "
                        + "stack stops%n", lag.now(), drain.toSeconds());
            }
        }
        Path savepoints = Files.createTempDirectory("tradewind-speed-savepoint");
        try {
            stopWithSavepoint(savepoints, Duration.ofSeconds(30));
            out.println("Speed layer stopped; its archive is committed.");
        } catch (ExecutionException | TimeoutException e) {
            out.println("Speed layer: the stop with a savepoint failed (" + e.getMessage() + "); cancelling it, so events "
                    + "of the last " + settings.checkpointInterval().toSeconds() + " s may not be archived");
            close();
        } finally {
            deleteTree(savepoints);
        }
    }

    /** A job whose tasks are still being deployed (just started, or restarting) refuses a savepoint: try again. */
    private void stopWithSavepoint(Path savepoints, Duration whileDeploying) throws Exception {
        long deadline = System.nanoTime() + whileDeploying.toNanos();
        while (true) {
            try {
                job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                        .get(60, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline || !String.valueOf(e.getMessage()).contains("not being executed")) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void close() throws Exception {
        job.cancel().get(30, TimeUnit.SECONDS);
    }
}
