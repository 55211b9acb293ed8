package io.tradewind.contracts.hbase;

/**
 * An entry of a user's real-time list, written by the speed layer: the item, its score on the batch model's scale,
 * why it is there (e.g. {@code "incremental"}, {@code "viewed-together:85123A"}) and when it was computed.
 */
public record RealtimeItem(String item, float score, String reason, long updatedAtMillis) {
}
