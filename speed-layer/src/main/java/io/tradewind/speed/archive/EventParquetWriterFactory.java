package io.tradewind.speed.archive;

import io.tradewind.contracts.masterdata.EventParquetFiles;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventAvroCodec;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes events to Parquet exactly as the importer does ({@link EventParquetFiles#writer}: same schema, codec, row
 * groups), so a streamed day and an imported day are the same kind of file to every reader.
 */
public final class EventParquetWriterFactory implements BulkWriter.Factory<BehaviourEvent> {
    private final ParquetWriterFactory<GenericRecord> records;

    /** @param hadoopSettings Hadoop client settings as strings, so the factory travels to the Flink workers */
    public EventParquetWriterFactory(Map<String, String> hadoopSettings) {
        HashMap<String, String> settings = new HashMap<>(hadoopSettings);
        this.records = new ParquetWriterFactory<>(out -> {
            Configuration conf = new Configuration(false);
            settings.forEach(conf::set);
            return EventParquetFiles.writer(out, conf);
        });
    }

    @Override
    public BulkWriter<BehaviourEvent> create(FSDataOutputStream out) throws IOException {
        BulkWriter<GenericRecord> writer = records.create(out);
        return new BulkWriter<>() {
            @Override
            public void addElement(BehaviourEvent event) throws IOException {
                writer.addElement(EventAvroCodec.toRecord(event));
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
            }

            @Override
            public void finish() throws IOException {
                writer.finish();
            }
        };
    }
}
