package io.tradewind.serving.store;

import io.tradewind.contracts.views.ViewJson;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.contracts.hbase.ListCodec;
import io.tradewind.contracts.hbase.LiveSegment;
import io.tradewind.contracts.hbase.RealtimeItem;
import io.tradewind.contracts.hbase.RowKeys;
import io.tradewind.contracts.hbase.ScoredItem;
import io.tradewind.contracts.hbase.ServingTables;
import io.tradewind.contracts.hbase.UserLists;

import io.tradewind.contracts.views.ItemStat;
import io.tradewind.contracts.views.PopularityView;
import io.tradewind.contracts.views.SegmentsView;
import io.tradewind.core.popularity.PopularityTable;
import io.tradewind.core.portrait.Portrait;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's reads from HBase: an answer is one Get of one row (row = salted user or item id, qualifier =
 * {@code <version>/<part>}) or one multi-get for a page of items, decoded from compact values; a scan of a
 * version's items warms the API's cache when the version starts serving. With the connection from {@link #open} a stopped
 * HBase fails a call with {@link StoreUnavailableException} within about the operation timeout, and the same
 * instance answers again once HBase is back (the client re-resolves regions on its own).
 */
public final class HBaseServingStore implements ServingStore {
    private static final Logger LOG = LoggerFactory.getLogger(HBaseServingStore.class);
    private final Connection connection;
    private final boolean ownsConnection;
    private final ServingTables tables;
    private final ModelRegistry registry;

    /** Opens its own fail-fast connection ({@link HBaseStoreSettings#servingConfiguration}); closed by {@link #close}. */
    public static HBaseServingStore open(Configuration hbaseConf, HBaseStoreSettings settings) {
        try {
            return new HBaseServingStore(ConnectionFactory.createConnection(settings.servingConfiguration(hbaseConf)),
                    settings, true);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot connect to HBase: " + e.getMessage(), e,
                    StoreUnavailableException.RECOMMENDATIONS_STORE);
        }
    }

    /** {@link #open(Configuration, HBaseStoreSettings)} with {@link HBaseStoreSettings#defaults()}. */
    public static HBaseServingStore open(Configuration hbaseConf) {
        return open(hbaseConf, HBaseStoreSettings.defaults());
    }

    /** Reads through a connection owned by the caller (left open by {@link #close}). */
    public HBaseServingStore(Connection connection, HBaseStoreSettings settings) {
        this(connection, settings, false);
    }

    private HBaseServingStore(Connection connection, HBaseStoreSettings settings, boolean ownsConnection) {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.tables = new ServingTables(settings.namespace());
        this.registry = new ModelRegistry(connection, settings);
    }

    /** The registry on this store's connection, for admin endpoints (activate, rollback, retention). */
    public ModelRegistry registry() {
        return registry;
    }

    @Override
    public Optional<String> activeVersion() {
        return registry.activeVersion();
    }

    @Override
    public List<VersionInfo> versions() {
        return registry.versions();
    }

    @Override
    public Optional<UserLists> userLists(String version, String model, String userId) {
        return userCell(tables.users, userId, ServingTables.BATCH, ServingTables.qualifier(version, model),
                "lists of user " + userId, ListCodec::decodeUserLists);
    }

    @Override
    public RealtimeState realtimeState(String userId) {
        if (userId == null || userId.isEmpty()) {
            return RealtimeState.EMPTY;
        }
        return StoreCalls.emptyIfNoTable("real-time state of user " + userId, () -> {
            try (Table t = connection.getTable(tables.users)) {
                Result r = t.get(new Get(RowKeys.salted(userId)).addFamily(ServingTables.REALTIME));
                return r.isEmpty() ? Optional.<RealtimeState>empty() : Optional.of(realtimeOf(r));
            }
        }).orElse(RealtimeState.EMPTY);
    }

    @Override
    public UserRow userRow(String version, String model, String userId) {
        return readUserRow(version, ServingTables.qualifier(version, model), userId,
                "portrait, lists and real-time state of user " + userId);
    }

    @Override
    public UserRow portraitAndRealtime(String version, String userId) {
        return readUserRow(version, null, userId, "portrait and real-time state of user " + userId);
    }

    /** One Get of the user's row: the version's portrait, one model's lists unless {@code listsQualifier} is null, family r. */
    private UserRow readUserRow(String version, byte[] listsQualifier, String userId, String what) {
        UserRow none = new UserRow(Optional.empty(), Optional.empty(), RealtimeState.EMPTY);
        if (userId == null || userId.isEmpty()) {
            return none;
        }
        byte[] portraitQualifier = ServingTables.qualifier(version, ServingTables.PORTRAIT_JSON);
        return StoreCalls.emptyIfNoTable(what, () -> {
            try (Table t = connection.getTable(tables.users)) {
                Get get = new Get(RowKeys.salted(userId))
                        .addColumn(ServingTables.PORTRAIT, portraitQualifier)
                        .addFamily(ServingTables.REALTIME);
                if (listsQualifier != null) {
                    get.addColumn(ServingTables.BATCH, listsQualifier);
                }
                Result r = t.get(get);
                return Optional.of(new UserRow(
                        Optional.ofNullable(r.getValue(ServingTables.PORTRAIT, portraitQualifier))
                                .map(value -> json(value, Portrait.class)),
                        listsQualifier == null ? Optional.empty()
                                : Optional.ofNullable(r.getValue(ServingTables.BATCH, listsQualifier))
                                        .map(ListCodec::decodeUserLists),
                        realtimeOf(r)));
            }
        }).orElse(none);
    }

    /** Family {@code r} of a user row: the real-time list, the {@code bought:<item>} cells and the live segment. */
    private static RealtimeState realtimeOf(Result r) {
        NavigableMap<byte[], byte[]> family = r.getFamilyMap(ServingTables.REALTIME);
        if (family == null || family.isEmpty()) {
            return RealtimeState.EMPTY;
        }
        List<RealtimeItem> list = List.of();
        Map<String, Long> bought = new HashMap<>();
        LiveSegment segment = null;
        for (Map.Entry<byte[], byte[]> cell : family.entrySet()) {
            String qualifier = Bytes.toString(cell.getKey());
            if (Arrays.equals(cell.getKey(), ServingTables.REALTIME_ITEMS)) {
                list = ListCodec.decodeRealtime(cell.getValue());
            } else if (Arrays.equals(cell.getKey(), ServingTables.REALTIME_SEGMENT)) {
                segment = liveSegmentOrNull(cell.getValue(), r);
            } else if (qualifier.startsWith(ServingTables.REALTIME_BOUGHT_PREFIX)) {
                bought.put(qualifier.substring(ServingTables.REALTIME_BOUGHT_PREFIX.length()),
                        Bytes.toLong(cell.getValue()));
            }
        }
        return new RealtimeState(list, bought, segment);
    }

    /**
     * The live segment, or null when its cell cannot be read: the segment is an extra beside the list, so a bad cell
     * (another release's format, a manual edit) costs the user the live segment, not the answer.
     */
    private static LiveSegment liveSegmentOrNull(byte[] value, Result row) {
        try {
            return LiveSegment.decode(value);
        } catch (RuntimeException e) {
            LOG.warn("ignoring an unreadable live segment in row {}: {}", Bytes.toStringBinary(row.getRow()), e.getMessage());
            return null;
        }
    }

    @Override
    public Optional<Portrait> portrait(String version, String userId) {
        return userCell(tables.users, userId, ServingTables.PORTRAIT,
                ServingTables.qualifier(version, ServingTables.PORTRAIT_JSON), "portrait of user " + userId,
                value -> json(value, Portrait.class));
    }

    @Override
    public Optional<ItemStat> item(String version, String itemId) {
        return userCell(tables.items, itemId, ServingTables.ITEM,
                ServingTables.qualifier(version, ServingTables.ITEM_STAT), "item " + itemId,
                value -> json(value, ItemStat.class));
    }

    @Override
    public Map<String, ItemStat> items(String version, Collection<String> itemIds) {
        List<String> ids = itemIds.stream().filter(id -> id != null && !id.isEmpty()).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        byte[] qualifier = ServingTables.qualifier(version, ServingTables.ITEM_STAT);
        List<Get> gets = ids.stream().map(id -> new Get(RowKeys.salted(id)).addColumn(ServingTables.ITEM, qualifier))
                .toList();
        return StoreCalls.emptyIfNoTable("facts of " + ids.size() + " items", () -> {
            // One multi-get: the client groups the rows by region server, so a page of titles costs one round trip.
            try (Table t = connection.getTable(tables.items)) {
                Result[] results = t.get(gets);
                Map<String, ItemStat> out = new HashMap<>();
                for (int i = 0; i < results.length; i++) {
                    byte[] value = results[i].getValue(ServingTables.ITEM, qualifier);
                    if (value != null) {
                        out.put(ids.get(i), json(value, ItemStat.class));
                    }
                }
                return Optional.of(out);
            }
        }).orElse(Map.of());
    }

    @Override
    public Map<String, ItemStat> someItems(String version, int limit) {
        byte[] qualifier = ServingTables.qualifier(version, ServingTables.ITEM_STAT);
        return StoreCalls.emptyIfNoTable("facts of the items of version " + version, () -> {
            Map<String, ItemStat> out = new HashMap<>();
            try (Table t = connection.getTable(tables.items);
                 ResultScanner rows = t.getScanner(new Scan().addColumn(ServingTables.ITEM, qualifier).setCaching(1_000)
                         .setLimit(limit))) {
                // next(), not the iterator: the iterator wraps HBase's IOException in an unchecked one.
                for (Result r = rows.next(); r != null; r = rows.next()) {
                    out.put(RowKeys.id(r.getRow()), json(r.getValue(ServingTables.ITEM, qualifier), ItemStat.class));
                }
            }
            return Optional.of(out);
        }).orElse(Map.of());
    }

    @Override
    public List<ScoredItem> neighbours(String version, String itemId) {
        return userCell(tables.items, itemId, ServingTables.ITEM,
                ServingTables.qualifier(version, ServingTables.ITEM_NEIGHBOURS), "neighbours of item " + itemId,
                ListCodec::decodeScored).orElse(List.of());
    }

    @Override
    public List<PopularityTable.Entry> popularity(String version, String scope, String group) {
        if (scope == null || group == null || scope.indexOf(':') >= 0) {
            return List.of();
        }
        return cell(tables.popularity, ViewRowPuts.popularityRow(scope, group), ServingTables.POPULAR,
                ServingTables.qualifier(version, ServingTables.POPULAR_TOP), "popular items of " + scope + " " + group,
                ListCodec::decodePopularity).orElse(List.of());
    }

    @Override
    public List<PopularityView> popularityTables(String version) {
        byte[] qualifier = ServingTables.qualifier(version, ServingTables.POPULAR_TOP);
        return StoreCalls.emptyIfNoTable("popularity tables of version " + version, () -> {
            List<PopularityView> out = new ArrayList<>();
            // A few dozen rows (global, countries, segments) in one region: one small scan.
            try (Table t = connection.getTable(tables.popularity);
                 ResultScanner rows = t.getScanner(new Scan().addColumn(ServingTables.POPULAR, qualifier))) {
                for (Result r : rows) {
                    String key = Bytes.toString(r.getRow());
                    int colon = key.indexOf(':');
                    out.add(new PopularityView(key.substring(0, colon), key.substring(colon + 1),
                            ListCodec.decodePopularity(r.getValue(ServingTables.POPULAR, qualifier))));
                }
            }
            return out.isEmpty() ? Optional.<List<PopularityView>>empty() : Optional.of(out);
        }).orElse(List.of());
    }

    @Override
    public Optional<SegmentsView> segments(String version) {
        return StoreCalls.unavailableOnFailure("segments of version " + version, () -> registry.segments(version));
    }

    @Override
    public void close() {
        if (ownsConnection) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing only releases sockets and threads; nothing is lost
            }
        }
    }

    /** A cell of a salted table; no id, no answer. */
    private <T> Optional<T> userCell(TableName table, String id, byte[] family, byte[] qualifier, String what,
                                     Function<byte[], T> decode) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        return cell(table, RowKeys.salted(id), family, qualifier, what, decode);
    }

    private <T> Optional<T> cell(TableName table, byte[] row, byte[] family, byte[] qualifier, String what,
                                 Function<byte[], T> decode) {
        Optional<byte[]> value = StoreCalls.emptyIfNoTable(what, () -> {
            try (Table t = connection.getTable(table)) {
                return Optional.ofNullable(t.get(new Get(row).addColumn(family, qualifier)).getValue(family, qualifier));
            }
        });
        return value.map(decode);
    }

    private static <T> T json(byte[] value, Class<T> type) {
        try {
            return ViewJson.MAPPER.readValue(value, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable: " + e.getMessage(), e);
        }
    }
}
