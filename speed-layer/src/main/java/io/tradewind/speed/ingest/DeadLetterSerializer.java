package io.tradewind.speed.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a dead letter as one JSON object, keyed like the record it came from, to the dead-letter topic. */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        try {
            byte[] key = letter.key() == null ? null : letter.key().getBytes(StandardCharsets.UTF_8);
            return new ProducerRecord<>(topic, null, letter.refusedAtMillis(), key, JSON.writeValueAsBytes(letter));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write dead letter from " + letter.origin(), e);
        }
    }

    /** Reads one back (tests, replay tools). */
    public static DeadLetter read(byte[] value) {
        try {
            return JSON.readValue(value, DeadLetter.class);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("not a dead letter: " + e.getMessage(), e);
        }
    }
}
