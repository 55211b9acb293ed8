package io.tradewind.serving.events;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where {@code POST /v1/events} hands events over: the speed layer's Kafka topic. Production endpoints are values
 * here (bootstrap servers, TLS/SASL client settings passed through as they are).
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param topic            the events topic the speed layer reads (key = user id)
 * @param clientProperties extra producer settings (security protocol, SASL, truststore, …)
 * @param futureTolerance  how far ahead of this server's clock an event may be dated
 * @param ackTimeout       how long a request waits for Kafka's acknowledgement before it is a 503
 */
public record EventIntake(String bootstrapServers, String topic, Map<String, String> clientProperties,
                          Duration futureTolerance, Duration ackTimeout) {
    public static final String DEFAULT_TOPIC = "events";

    public EventIntake {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        clientProperties = Map.copyOf(clientProperties);
    }

    /** Topic {@code events}, 5 minutes of clock skew, 5 s to acknowledge. */
    public static EventIntake of(String bootstrapServers) {
        return new EventIntake(bootstrapServers, DEFAULT_TOPIC, Map.of(), Duration.ofMinutes(5), Duration.ofSeconds(5));
    }

    public EventIntake withTopic(String value) {
        return new EventIntake(bootstrapServers, value, clientProperties, futureTolerance, ackTimeout);
    }

    public EventIntake withClientProperties(Map<String, String> value) {
        return new EventIntake(bootstrapServers, topic, value, futureTolerance, ackTimeout);
    }

    public EventIntake withAckTimeout(Duration value) {
        return new EventIntake(bootstrapServers, topic, clientProperties, futureTolerance, value);
    }

    Properties producerProperties() {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put("bootstrap.servers", bootstrapServers);
        return p;
    }
}
