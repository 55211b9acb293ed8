package io.tradewind.speed.state;

/**
 * What one event changed in a user's real-time view: the whole real-time list as of the latest event time folded in
 * ({@code asOfMillis}, also the cell timestamp, so a replay rewrites identical cells), already in the cell's binary
 * form ({@code ListCodec.encodeRealtime}; empty when the user has no list yet), and the item the event bought
 * (null for other types) at {@code boughtAtMillis}.
 *
 * <p>Flat fields and bytes on purpose: the update crosses the network between operators, and Flink serializes this
 * shape without falling back to Kryo.
 */
public record RealtimeUpdate(String userId, byte[] encodedList, long asOfMillis, String boughtItem, long boughtAtMillis) {
    public boolean hasList() {
        return encodedList.length > 0;
    }
}
