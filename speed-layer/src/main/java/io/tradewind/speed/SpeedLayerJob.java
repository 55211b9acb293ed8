package io.tradewind.speed;

import io.tradewind.speed.ingest.DeadLetter;
import io.tradewind.speed.ingest.DeadLetterSerializer;
import io.tradewind.speed.ingest.RawEvent;
import io.tradewind.speed.ingest.RawEventDeserializer;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import picocli.CommandLine;

/**
 * The streaming job on Kafka: reads the events topic, runs {@link SpeedLayerPipeline}, writes dead letters to their
 * topic. Checkpointed exactly once: Kafka offsets, dedup and user state, archive files and dead letters commit
 * together.
 *
 * <p>{@link #main} is the job jar's entry point for a Flink cluster:
 * {@code flink run -d -c io.tradewind.speed.SpeedLayerJob tradewind-speed-layer-…-job.jar --kafka … --master-dataset …
 * --views … --hbase-zookeeper …}, or {@code … job.jar --config tradewind.properties} (options and the platform
 * configuration file in {@link SpeedLayerArguments}).
 */
public final class SpeedLayerJob {
    /** The job's name on the cluster (web UI, {@code flink list}). */
    public static final String JOB_NAME = "tradewind speed layer";

    /** Kafka transactions of the dead-letter sink must end well inside the broker's limit (15 min by default). */
    static final String TRANSACTION_TIMEOUT_MS = "600000";
    /** How long a network buffer waits to fill before it is sent anyway. */
    static final long NETWORK_BUFFER_TIMEOUT_MILLIS = 20;

    private final SpeedLayerSettings settings;

    public SpeedLayerJob(SpeedLayerSettings settings) {
        this.settings = settings;
    }

    /**
     * Parses the command line (and the configuration file it or {@code $TRADEWIND_CONFIG} names, with the process's
     * environment variables) and runs the job on the environment {@code flink run} provides. Attached, it returns
     * when the job ends; with {@code flink run -d} once the cluster has accepted it. A wrong command line prints the
     * usage and fails the submission with the reason.
     */
    public static void main(String[] args) throws Exception {
        SpeedLayerArguments arguments = new SpeedLayerArguments(System.getenv());
        CommandLine cli = arguments.commandLine();
        SpeedLayerSettings settings;
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(System.out);
                return;
            }
            settings = arguments.toSettings();
        } catch (CommandLine.ParameterException wrong) {
            System.err.println("error: " + wrong.getMessage());
            cli.usage(System.err);
            throw wrong; // flink run prints the reason and exits non-zero
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        new SpeedLayerJob(settings).build(env);
        env.execute(JOB_NAME);
    }

    /** Builds the job on {@code env}: checkpointing, the Kafka source (to run forever), the pipeline. */
    public SpeedLayerPipeline.Streams build(StreamExecutionEnvironment env) {
        return build(env, source(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST), null));
    }

    /** Same, on a given source (tests bound it to the offsets present when they start). */
    public SpeedLayerPipeline.Streams build(StreamExecutionEnvironment env, KafkaSource<RawEvent> source) {
        env.enableCheckpointing(settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        env.setParallelism(settings.parallelism());
        // An event crosses a shuffle on its way to the user state; Flink's default 100 ms network buffer timeout would
        // let it wait up to 100 ms of the one-second freshness budget when traffic is light.
        env.setBufferTimeout(NETWORK_BUFFER_TIMEOUT_MILLIS);
        DataStream<RawEvent> raw = env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka " + settings.eventsTopic())
                .uid("kafka-source");
        return new SpeedLayerPipeline(settings).build(raw, deadLetterSink());
    }

    /** The events topic from {@code start}; {@code stopAt} null runs forever. */
    public KafkaSource<RawEvent> source(OffsetsInitializer start, OffsetsInitializer stopAt) {
        var builder = KafkaSource.<RawEvent>builder()
                .setProperties(settings.kafkaClientProperties())
                .setTopics(settings.eventsTopic())
                .setGroupId(settings.consumerGroup())
                .setStartingOffsets(start)
                .setDeserializer(new RawEventDeserializer())
                // Offsets are committed back on checkpoints only, so the group's lag is what the job has committed.
                .setProperty("commit.offsets.on.checkpoint", "true")
                .setProperty("isolation.level", "read_committed");
        if (stopAt != null) {
            builder.setBounded(stopAt);
        }
        return builder.build();
    }

    KafkaSink<DeadLetter> deadLetterSink() {
        return KafkaSink.<DeadLetter>builder()
                .setKafkaProducerConfig(settings.kafkaClientProperties())
                .setRecordSerializer(new DeadLetterSerializer(settings.deadLetterTopic()))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix("tradewind-dead-letters-" + settings.consumerGroup())
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .build();
    }
}
