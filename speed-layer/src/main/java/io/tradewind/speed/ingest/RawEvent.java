package io.tradewind.speed.ingest;

/**
 * One Kafka record as it arrived, before anything is trusted: the bytes and where they came from, so a record that
 * cannot be read reaches the dead-letter topic exactly as it was sent.
 */
public record RawEvent(String topic, int partition, long offset, byte[] key, byte[] value) {
    /** Where the record came from, for dead letters and logs: {@code events-1@42}. */
    public String origin() {
        return topic + "-" + partition + "@" + offset;
    }
}
