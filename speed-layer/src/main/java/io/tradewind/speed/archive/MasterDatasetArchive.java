package io.tradewind.speed.archive;

import io.tradewind.contracts.masterdata.MasterDatasetLayout;
import io.tradewind.core.event.BehaviourEvent;
import java.util.Map;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The speed layer's archive: every valid event into the master data set, in the layout the batch layer reads
 * ({@code <root>/date=YYYY-MM-DD/part-….parquet}), with Flink's exactly-once file sink.
 *
 * <p>Exactly once: a part file is written hidden ({@code .part-….inprogress.…}, which readers skip) and renamed
 * to its final name when the checkpoint that covers its events completes; after a failure the job resumes from
 * that checkpoint and the hidden leftovers are discarded. So an archived event is there once, and an event is
 * visible to a retrain one checkpoint interval after it arrived. Each checkpoint closes one file per partition
 * that received events and parallel writer (bulk formats roll on checkpoints only).
 */
public final class MasterDatasetArchive {
    private MasterDatasetArchive() {
    }

    public static FileSink<BehaviourEvent> sink(String masterDatasetUri, Map<String, String> hadoopSettings) {
        return FileSink.forBulkFormat(new Path(masterDatasetUri), new EventParquetWriterFactory(hadoopSettings))
                .withBucketAssigner(new EventDatePartitioner())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                // part-<uuid>-<subtask>-<n>.parquet: not hidden, so the batch layer's reader lists it
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix("part")
                        .withPartSuffix(MasterDatasetLayout.DATA_SUFFIX)
                        .build())
                .build();
    }
}
