package io.tradewind.serving.events;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventJson;
import io.tradewind.serving.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces API events to the events topic, keyed by user id (one user's events stay in order on one partition), in
 * the wire form the speed layer reads ({@link EventJson#toWire}). Idempotent producer with {@code acks=all}: an
 * acknowledged event is on every in-sync replica, and the producer's own retries never duplicate it. A call returns
 * only when Kafka has acknowledged every event of the request, or fails within the acknowledgement timeout, so a 202
 * always means durable and a slow or absent broker is a 503 with the reason, never a silent drop.
 */
public final class KafkaEventSink implements EventSink, AutoCloseable {
    /** Lets the events of one request travel in one batch; tiny next to a request's own latency. */
    static final long LINGER_MS = 2;

    private final EventIntake intake;
    private final KafkaProducer<byte[], byte[]> producer;

    public KafkaEventSink(EventIntake intake) {
        this.intake = intake;
        Properties p = intake.producerProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        long ackMillis = intake.ackTimeout().toMillis();
        // Everything bounded by the request's patience: metadata lookups, the send, the producer's retries.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(ackMillis));
        p.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(LINGER_MS));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1, ackMillis - LINGER_MS)));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(ackMillis));
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void publish(List<BehaviourEvent> events) {
        long deadline = System.nanoTime() + intake.ackTimeout().toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        try {
            for (BehaviourEvent e : events) {
                acks.add(producer.send(new ProducerRecord<>(intake.topic(), e.userId().getBytes(StandardCharsets.UTF_8),
                        EventJson.toWire(e))));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted", e);
        } catch (ExecutionException e) {
            throw unavailable(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
            throw unavailable("no acknowledgement within " + intake.ackTimeout().toMillis() + " ms", e);
        }
    }

    @Override
    public void check() throws Exception {
        Properties p = intake.producerProperties();
        p.put("request.timeout.ms", "2000");
        p.put("default.api.timeout.ms", "2000");
        try (Admin admin = Admin.create(p)) {
            if (!admin.listTopics().names().get(2, TimeUnit.SECONDS).contains(intake.topic())) {
                throw new IllegalStateException("topic " + intake.topic() + " does not exist");
            }
        }
    }

    private StoreUnavailableException unavailable(String why, Throwable cause) {
        String retry = "retry the request with the same event ids: events of it that did get through are dropped as "
                + "duplicates";
        return new StoreUnavailableException("the event stream cannot take events now (" + why + "); " + retry, cause,
                "the event stream cannot take events now; " + retry);
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
