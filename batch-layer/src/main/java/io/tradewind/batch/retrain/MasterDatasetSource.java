package io.tradewind.batch.retrain;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventAvroCodec;
import io.tradewind.core.event.EventSchema;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.avro.typeutils.GenericRecordAvroTypeInfo;
import org.apache.flink.formats.parquet.avro.AvroParquetReaders;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Reads the master data set (Parquet files of the event schema under date partitions) as a bounded Flink
 * stream. The file source enumerates partition folders recursively and skips names starting with '.' or
 * '_' (temporary files, rejects), so only published event files are read.
 */
public final class MasterDatasetSource {
    private MasterDatasetSource() {
    }

    public static DataStream<BehaviourEvent> events(StreamExecutionEnvironment env, String masterDatasetUri) {
        FileSource<GenericRecord> files = FileSource
                .forRecordStreamFormat(AvroParquetReaders.forGenericRecord(EventSchema.avro()), new Path(masterDatasetUri))
                .build();
        return env.fromSource(files, WatermarkStrategy.noWatermarks(), "master data set " + masterDatasetUri,
                        new GenericRecordAvroTypeInfo(EventSchema.avro()))
                .map(EventAvroCodec::fromRecord)
                .name("decode events");
    }
}
