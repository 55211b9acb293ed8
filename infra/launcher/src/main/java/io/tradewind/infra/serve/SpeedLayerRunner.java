package io.tradewind.infra.serve;

import io.tradewind.contracts.catalogue.CatalogueFields;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.speed.SpeedLayerJob;
import io.tradewind.speed.SpeedLayerSettings;
import io.tradewind.speed.trending.TrendingSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

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

    private SpeedLayerRunner(JobClient job, String metricsUrl) {
        this.job = job;
        this.metricsUrl = metricsUrl;
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
        return new SpeedLayerRunner(job, reporter.url());
    }

    /** Where Flink's Prometheus reporter serves the MiniCluster's metrics (checkpoints, Kafka lag, the job's counters). */
    public String metricsUrl() {
        return metricsUrl;
    }

    @Override
    public void close() throws Exception {
        job.cancel().get(30, TimeUnit.SECONDS);
    }
}
