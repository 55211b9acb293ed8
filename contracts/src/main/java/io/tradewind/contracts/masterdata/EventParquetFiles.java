package io.tradewind.contracts.masterdata;

import io.tradewind.core.event.EventSchema;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.OutputFile;

/**
 * How master-data-set files are written and read: Parquet via parquet-avro, with {@link EventSchema}. Every writer
 * of the data set (the importer's appender, the speed layer's archive) gets its writer here, so the files are alike.
 */
public final class EventParquetFiles {
    /** Small enough that a handful of open partitions stay well inside a CLI's heap; large enough for scans. */
    static final int ROW_GROUP_BYTES = 64 * 1024 * 1024;

    /** Only the id column: re-import checks read this, not whole events. */
    static final Schema ID_PROJECTION = SchemaBuilder.record(EventSchema.avro().getName())
            .namespace(EventSchema.avro().getNamespace())
            .fields().requiredString("eventId").endRecord();

    private EventParquetFiles() {
    }

    static ParquetWriter<GenericRecord> writer(Path file, Configuration conf) throws IOException {
        return writer(LocalFiles.outputFile(file, conf), conf);
    }

    /** A writer of events (as {@link io.tradewind.core.event.EventAvroCodec} records) to any Parquet output. */
    public static ParquetWriter<GenericRecord> writer(OutputFile out, Configuration conf) throws IOException {
        return AvroParquetWriter.<GenericRecord>builder(out)
                .withSchema(EventSchema.avro())
                .withDataModel(GenericData.get())
                .withConf(conf)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .build();
    }

    /** Reads whole events; older files lacking newer schema fields get the fields' defaults. */
    static ParquetReader<GenericRecord> reader(Path file, Configuration conf) throws IOException {
        Configuration readConf = new Configuration(conf);
        AvroReadSupport.setAvroReadSchema(readConf, EventSchema.avro());
        return open(file, readConf);
    }

    static ParquetReader<GenericRecord> idReader(Path file, Configuration conf) throws IOException {
        Configuration readConf = new Configuration(conf);
        AvroReadSupport.setRequestedProjection(readConf, ID_PROJECTION);
        AvroReadSupport.setAvroReadSchema(readConf, ID_PROJECTION);
        return open(file, readConf);
    }

    /** Row count from the footer, without reading any data. */
    static long rowCount(Path file, Configuration conf) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            return reader.getRecordCount();
        }
    }

    private static ParquetReader<GenericRecord> open(Path file, Configuration conf) throws IOException {
        return AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(file, conf))
                .withDataModel(GenericData.get())
                .withConf(conf)
                .build();
    }
}
