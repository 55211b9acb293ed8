package io.tradewind.batch.retrain;

import io.tradewind.contracts.masterdata.DateRange;
import io.tradewind.contracts.masterdata.MasterDatasetAppender;
import io.tradewind.contracts.masterdata.MasterDatasetLayout;
import io.tradewind.contracts.masterdata.MasterDatasetReader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventAvroCodec;
import io.tradewind.core.event.EventSchema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.formats.parquet.avro.AvroParquetReaders;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract with the Flink retrain job: the files {@link MasterDatasetReader#files} lists for a date range
 * read back, through Flink's own Parquet source, as exactly the events written for those dates.
 */
class FlinkReadsMasterDatasetTest {
    @TempDir
    Path dir;

    @Test
    void flinkFileSourceReadsTheFilesOfADateRange() throws Exception {
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        MasterDatasetLayout layout = MasterDatasetLayout.at(dir.toString(), hadoop);
        List<BehaviourEvent> written = List.of(
                TestEvents.buy("u-a", "i-a", "2011-12-07T10:00:00", 1.5, "France"),
                TestEvents.buy("u-b", "i-b", "2011-12-08T10:00:00", 1.5, "France"),
                TestEvents.buy("u-c", "i-c", "2011-12-09T09:00:00", 1.5, "France"));
        try (MasterDatasetAppender appender = new MasterDatasetAppender(layout, hadoop, "w1")) {
            for (BehaviourEvent e : written) {
                appender.append(e);
            }
            appender.commit();
        }
        DateRange range = new DateRange(LocalDate.of(2011, 12, 8), LocalDate.of(2011, 12, 9));
        org.apache.flink.core.fs.Path[] files = new MasterDatasetReader(layout, hadoop).files(range).stream()
                .map(org.apache.flink.core.fs.Path::new).toArray(org.apache.flink.core.fs.Path[]::new);

        Configuration flink = new Configuration();
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(1);
        FileSource<GenericRecord> source = FileSource
                .forRecordStreamFormat(AvroParquetReaders.forGenericRecord(EventSchema.avro()), files).build();

        List<BehaviourEvent> read = new ArrayList<>();
        try (CloseableIterator<GenericRecord> records = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "master data set").executeAndCollect()) {
            records.forEachRemaining(r -> read.add(EventAvroCodec.fromRecord(r)));
        }

        // Event ids are random UUIDs: compare both sides in id order, not the written list's order.
        read.sort(Comparator.comparing(BehaviourEvent::eventId));
        assertEquals(written.subList(1, 3).stream().sorted(Comparator.comparing(BehaviourEvent::eventId)).toList(), read);
    }
}
