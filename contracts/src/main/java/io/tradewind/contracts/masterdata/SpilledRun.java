package io.tradewind.contracts.masterdata;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventAvroCodec;
import io.tradewind.core.event.EventSchema;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * One sorted run of events on local disk: Avro binary records back to back (the schema is known, so no
 * container header is needed). Written once, read once from the start, deleted by whoever made its folder.
 */
final class SpilledRun {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path file;

    private SpilledRun(Path file) {
        this.file = file;
    }

    static SpilledRun write(Path file, List<BehaviourEvent> sortedEvents) throws IOException {
        GenericDatumWriter<GenericRecord> datumWriter = new GenericDatumWriter<>(EventSchema.avro());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES)) {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            for (BehaviourEvent event : sortedEvents) {
                datumWriter.write(EventAvroCodec.toRecord(event), encoder);
            }
            encoder.flush();
        }
        return new SpilledRun(file);
    }

    Reader open() throws IOException {
        return new Reader(new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES));
    }

    /** Reads the run's events in the order they were written. */
    static final class Reader implements Closeable {
        private final InputStream in;
        private final BinaryDecoder decoder;
        private final GenericDatumReader<GenericRecord> datumReader = new GenericDatumReader<>(EventSchema.avro());
        private GenericRecord reuse;

        private Reader(InputStream in) {
            this.in = in;
            this.decoder = DecoderFactory.get().directBinaryDecoder(in, null);
        }

        /** @return the next event, or null at the end of the run */
        BehaviourEvent next() throws IOException {
            in.mark(1);
            if (in.read() < 0) {
                return null;
            }
            in.reset();
            reuse = datumReader.read(reuse, decoder);
            return EventAvroCodec.fromRecord(reuse);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
