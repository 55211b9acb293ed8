package io.tradewind.contracts.hbase;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Writes a user's real-time list (family {@code r} of {@code users}, beside the batch lists of the same row):
 * the whole list is one cell, so a replace is one Put and a reader never sees half of an old and half of a new
 * list. Used by tests now and by the speed layer's sink later.
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
        List<RealtimeItem> bestFirst = new ArrayList<>(items);
        bestFirst.sort(Comparator.comparingDouble(RealtimeItem::score).reversed());
        try (Table t = connection.getTable(tables.users)) {
            t.put(new Put(RowKeys.salted(userId))
                    .addColumn(ServingTables.REALTIME, ServingTables.REALTIME_ITEMS, ListCodec.encodeRealtime(bestFirst)));
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
        // Cells expire: once the nightly retrain has seen a purchase the batch lists know it, so keeping it longer
        // only grows the row.
        Put put = new Put(RowKeys.salted(userId)).setTTL(PURCHASE_TTL.toMillis());
        purchaseMillisByItem.forEach((item, millis) -> put.addColumn(ServingTables.REALTIME,
                ServingTables.bytes(ServingTables.REALTIME_BOUGHT_PREFIX + item), Bytes.toBytes(millis)));
        try (Table t = connection.getTable(tables.users)) {
            t.put(put);
        }
    }

    /** Removes the user's real-time list and recent purchases. */
    public void clear(String userId) throws IOException {
        try (Table t = connection.getTable(tables.users)) {
            t.delete(new Delete(RowKeys.salted(userId)).addFamily(ServingTables.REALTIME));
        }
    }
}
