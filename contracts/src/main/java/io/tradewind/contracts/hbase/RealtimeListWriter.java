package io.tradewind.contracts.hbase;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Writes a user's real-time list (family {@code r} of {@code users}, beside the batch lists of the same row):
 * the whole list is one cell, so a replace is one Put and a reader never sees half of an old and half of a new
 * list. Beside it: the recent purchases and the live segment. The speed layer's sink batches the static Puts;
 * tests use the instance methods.
 */
public final class RealtimeListWriter {
    /** How long a recorded purchase is kept: well past the next retrains, which then carry it. */
    public static final Duration PURCHASE_TTL = Duration.ofDays(14);
    private final Connection connection;
    private final ServingTables tables;

    /** Creates the serving tables if absent (the speed layer may start before the first batch load). */
    public RealtimeListWriter(Connection connection, HBaseStoreSettings settings) throws IOException {
        this.connection = connection;
        this.tables = new ServingTables(settings.namespace());
        ServingTables.createIfAbsent(connection, settings);
    }

    /** Replaces the user's list, stored best first (highest score); an empty list removes it. */
    public void replace(String userId, List<RealtimeItem> items) throws IOException {
        if (items.isEmpty()) {
            try (Table t = connection.getTable(tables.users)) {
                t.delete(new Delete(RowKeys.salted(userId)).addColumns(ServingTables.REALTIME, ServingTables.REALTIME_ITEMS));
            }
            return;
        }
        try (Table t = connection.getTable(tables.users)) {
            t.put(listPut(userId, items, HConstants.LATEST_TIMESTAMP));
        }
    }

    /**
     * The Put that replaces a user's list (stored best first). With a deterministic {@code cellTimestamp} (the speed
     * layer uses the latest event time it has folded in) writing it again after a replay changes nothing, and an
     * older list can never hide a newer one. {@link HConstants#LATEST_TIMESTAMP} means the server's clock.
     */
    public static Put listPut(String userId, List<RealtimeItem> items, long cellTimestamp) {
        List<RealtimeItem> bestFirst = new ArrayList<>(items);
        bestFirst.sort(Comparator.comparingDouble(RealtimeItem::score).reversed());
        return encodedListPut(userId, ListCodec.encodeRealtime(bestFirst), cellTimestamp);
    }

    /** {@link #listPut} for a list already encoded with {@link ListCodec#encodeRealtime} (best first). */
    public static Put encodedListPut(String userId, byte[] encodedList, long cellTimestamp) {
        return new Put(RowKeys.salted(userId)).addColumn(ServingTables.REALTIME, ServingTables.REALTIME_ITEMS,
                cellTimestamp, encodedList);
    }

    /**
     * The Put of a user's live segment ({@link LiveSegment#encode}) at its change time: the value and the timestamp
     * depend on the events only, so a replay writes the same cell, and an older segment never hides a newer one.
     */
    public static Put segmentPut(String userId, byte[] encodedSegment, long changedAtMillis) {
        return new Put(RowKeys.salted(userId)).addColumn(ServingTables.REALTIME, ServingTables.REALTIME_SEGMENT,
                changedAtMillis, encodedSegment);
    }

    /** Writes a user's live segment (tests and tools; the speed layer batches {@link #segmentPut}). */
    public void writeSegment(String userId, LiveSegment segment) throws IOException {
        try (Table t = connection.getTable(tables.users)) {
            t.put(segmentPut(userId, segment.encode(), segment.changedAtMillis()));
        }
    }

    /**
     * Records purchases (item → time) as they arrive, one cell per item, so concurrent writers never overwrite
     * each other and {@code track=new} can drop what a user has just bought.
     */
    public void recordPurchases(String userId, Map<String, Long> purchaseMillisByItem) throws IOException {
        if (purchaseMillisByItem.isEmpty()) {
            return;
        }
        try (Table t = connection.getTable(tables.users)) {
            t.put(purchasesPut(userId, purchaseMillisByItem));
        }
    }

    /**
     * The Put recording purchases, one cell per item with the purchase time as value. Written again, it holds the
     * same values. The cells keep the server's timestamp because their TTL counts from it: event times of a
     * replayed history would expire them at once.
     */
    public static Put purchasesPut(String userId, Map<String, Long> purchaseMillisByItem) {
        // Cells expire: once the nightly retrain has seen a purchase the batch lists know it, so keeping it longer
        // only grows the row.
        Put put = new Put(RowKeys.salted(userId)).setTTL(PURCHASE_TTL.toMillis());
        purchaseMillisByItem.forEach((item, millis) -> put.addColumn(ServingTables.REALTIME,
                ServingTables.bytes(ServingTables.REALTIME_BOUGHT_PREFIX + item), Bytes.toBytes(millis)));
        return put;
    }

    /** The users table, for writers that batch these Puts through a {@code BufferedMutator}. */
    public static org.apache.hadoop.hbase.TableName usersTable(String namespace) {
        return new ServingTables(namespace).users;
    }

    /** Removes the user's real-time list and recent purchases. */
    public void clear(String userId) throws IOException {
        try (Table t = connection.getTable(tables.users)) {
            t.delete(new Delete(RowKeys.salted(userId)).addFamily(ServingTables.REALTIME));
        }
    }
}
