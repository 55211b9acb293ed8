package io.tradewind.speed.state;

/**
 * What one event changed in a user's real-time view: the whole real-time list as of the latest event time folded in
 * ({@code asOfMillis}, also the cell timestamp, so a replay rewrites identical cells), already in the cell's binary
 * form ({@code ListCodec.encodeRealtime}; empty when the user has no list yet), the item the event bought (null for
 * other types) at {@code boughtAtMillis}, and the user's live segment when the event changed it
 * ({@code LiveSegment.encode}, changed at {@code asOfMillis}; empty when it did not change).
 *
 * <p>Flat fields and bytes on purpose: the update crosses the network between operators, and Flink serializes this
 * shape without falling back to Kryo.
 */
public record RealtimeUpdate(String userId, byte[] encodedList, long asOfMillis, String boughtItem, long boughtAtMillis,
                             byte[] encodedSegment) {
    public boolean hasList() {
        return encodedList.length > 0;
    }

    public boolean changedSegment() {
        return encodedSegment.length > 0;
    }
}
