package io.tradewind.contracts.masterdata;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventAvroCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes the new events of one partition, for one import, into one hidden temporary Parquet file. Events whose id the partition
 * already holds are dropped; the file is only created once there is something new to write.
 */
final class PartitionWriter {
    private final LocalDate date;
    private final Path tmpFile;
    private final Set<String> presentIds;
    private final Configuration conf;
    private final MessageDigest idDigest = sha256();
    private ParquetWriter<GenericRecord> writer;
    private long written;

    PartitionWriter(LocalDate date, Path tmpFile, Set<String> presentIds, Configuration conf) {
        this.date = date;
        this.tmpFile = tmpFile;
        this.presentIds = presentIds;
        this.conf = conf;
    }

    LocalDate date() {
        return date;
    }

    /** @return false when the partition already has an event with this id */
    boolean write(BehaviourEvent event) throws IOException {
        if (!presentIds.add(event.eventId())) {
            return false;
        }
        if (writer == null) {
            writer = EventParquetFiles.writer(tmpFile, conf);
        }
        writer.write(EventAvroCodec.toRecord(event));
        idDigest.update(event.eventId().getBytes(StandardCharsets.UTF_8));
        idDigest.update((byte) '\n');
        written++;
        return true;
    }

    /** Closes the file; null when nothing was new. The final name is a hash of the ids in write order. */
    PendingFile finish() throws IOException {
        if (writer == null) {
            return null;
        }
        writer.close();
        writer = null;
        String hash = HexFormat.of().formatHex(idDigest.digest()).substring(0, 32);
        return new PendingFile(date, tmpFile, MasterDatasetLayout.dataFileName(hash), written);
    }

    void discard(FileSystem fs) throws IOException {
        try {
            if (writer != null) {
                writer.close();
            }
        } finally {
            writer = null;
            fs.delete(tmpFile, false);
        }
    }

    /** A finished temporary file waiting to be renamed into its partition. */
    record PendingFile(LocalDate date, Path tmpFile, String finalName, long events) {
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
