package io.tradewind.speed;

import io.tradewind.speed.ingest.DeadLetter;
import io.tradewind.speed.ingest.DeadLetterSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads what the job committed to a dead-letter topic, as a consumer of that topic would. */
final class DeadLetterTopic {
    private DeadLetterTopic() {
    }

    /**
     * The committed dead letters of {@code topic}: waits up to {@code within} for {@code expected} of them, then a
     * little longer, so that a duplicate (which would come with the next checkpoint) is read too.
     */
    static List<DeadLetter> readCommitted(String bootstrapServers, String topic, int expected, Duration within) {
        Map<String, Object> c = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + within.toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.add(DeadLetterSerializer.read(r.value()));
                }
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(1_500))) {
                out.add(DeadLetterSerializer.read(r.value()));
            }
        }
        return out;
    }
}
