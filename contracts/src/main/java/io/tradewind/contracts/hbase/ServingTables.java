package io.tradewind.contracts.hbase;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.hbase.NamespaceDescriptor;
import org.apache.hadoop.hbase.NamespaceExistException;
import org.apache.hadoop.hbase.TableExistsException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.io.encoding.DataBlockEncoding;
import org.apache.hadoop.hbase.regionserver.BloomType;

/**
 * The serving tables of one namespace, their column families and the version-tagged qualifiers
 * ({@code <version>/<part>}). Layout and reasons: {@code serving-layer/docs/hbase-schema.md}.
 */
public final class ServingTables {
    /** users: the portrait, qualifier {@code <version>/json}. */
    public static final byte[] PORTRAIT = bytes("p");
    /** users: batch lists, qualifier {@code <version>/<model>}. */
    public static final byte[] BATCH = bytes("b");
    /** users: the speed layer's list, one qualifier; its own family because it is written all day. */
    public static final byte[] REALTIME = bytes("r");
    public static final byte[] REALTIME_ITEMS = bytes("items");
    /** users, family r: the live segment ({@link LiveSegment}), written when the speed layer re-assigns it. */
    public static final byte[] REALTIME_SEGMENT = bytes("segment");
    /** users, family r: one qualifier {@code bought:<itemId>} per recently bought item, value = epoch millis. */
    public static final String REALTIME_BOUGHT_PREFIX = "bought:";
    /** items: qualifiers {@code <version>/stat} and {@code <version>/neighbours}. */
    public static final byte[] ITEM = bytes("i");
    public static final String ITEM_STAT = "stat";
    public static final String ITEM_NEIGHBOURS = "neighbours";
    /** popularity: qualifier {@code <version>/top}. */
    public static final byte[] POPULAR = bytes("p");
    public static final String POPULAR_TOP = "top";
    public static final String PORTRAIT_JSON = "json";
    /** registry: version rows and the active pointer. */
    public static final byte[] REGISTRY = bytes("m");
    /** registry: the row of the active pointer, and its column naming the version the API serves. */
    public static final byte[] REGISTRY_ACTIVE_ROW = bytes("active");
    public static final byte[] REGISTRY_ACTIVE_VERSION = bytes("version");

    /** One row per user: portrait, batch lists and real-time state, so a first visit is one Get. */
    public final TableName users;
    public final TableName items;
    public final TableName popularity;
    public final TableName registry;

    public ServingTables(String namespace) {
        users = TableName.valueOf(namespace, "users");
        items = TableName.valueOf(namespace, "items");
        popularity = TableName.valueOf(namespace, "popularity");
        registry = TableName.valueOf(namespace, "registry");
    }

    /** Creates the namespace and any missing table; tables that exist are left as they are. */
    public static void createIfAbsent(Connection connection, HBaseStoreSettings settings) throws IOException {
        ServingTables t = new ServingTables(settings.namespace());
        byte[][] splits = RowKeys.splitKeys(settings.regionsPerTable());
        try (Admin admin = connection.getAdmin()) {
            try {
                admin.createNamespace(NamespaceDescriptor.create(settings.namespace()).build());
            } catch (NamespaceExistException alreadyThere) {
                // created by an earlier run or a concurrent loader
            }
            // Started together and awaited together: each creation is a master procedure the client polls with
            // back-off, so one after the other costs seconds per table.
            List<Future<Void>> creations = new ArrayList<>();
            create(admin, t.users, splits, creations, family(PORTRAIT, false), family(BATCH, false),
                    family(REALTIME, false));
            create(admin, t.items, splits, creations, family(ITEM, false));
            // A few dozen rows per version (global, countries, segments): one region, kept in the block cache.
            create(admin, t.popularity, new byte[0][], creations, family(POPULAR, true));
            create(admin, t.registry, new byte[0][], creations, family(REGISTRY, true));
            for (Future<Void> creation : creations) {
                awaitCreation(creation);
            }
        }
    }

    private static void create(Admin admin, TableName name, byte[][] splits, List<Future<Void>> creations,
                               ColumnFamilyDescriptor... families) throws IOException {
        if (admin.tableExists(name)) {
            return;
        }
        TableDescriptorBuilder table = TableDescriptorBuilder.newBuilder(name);
        for (ColumnFamilyDescriptor f : families) {
            table.setColumnFamily(f);
        }
        try {
            creations.add(splits.length == 0 ? admin.createTableAsync(table.build())
                    : admin.createTableAsync(table.build(), splits));
        } catch (TableExistsException concurrent) {
            // another process created it between the check and here
        }
    }

    private static void awaitCreation(Future<Void> creation) throws IOException {
        try {
            creation.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TableExistsException)) {
                throw new IOException("cannot create a serving table: " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while creating the serving tables");
        } catch (TimeoutException e) {
            throw new IOException("the serving tables were not created within 5 minutes", e);
        }
    }

    private static ColumnFamilyDescriptor family(byte[] name, boolean inMemory) {
        return ColumnFamilyDescriptorBuilder.newBuilder(name)
                .setMaxVersions(1) // a value is replaced, never read back in time
                .setBloomFilterType(BloomType.ROW) // Gets for absent users skip store files
                // Keys repeat the row and the version prefix of the qualifier from cell to cell.
                .setDataBlockEncoding(DataBlockEncoding.FAST_DIFF)
                .setInMemory(inMemory)
                .build();
    }

    /** {@code <version>/<part>}; the separator makes a version's prefix unambiguous (v1/ is not a prefix of v10/). */
    public static byte[] qualifier(String version, String part) {
        return bytes(version + "/" + part);
    }

    public static byte[] versionPrefix(String version) {
        return bytes(version + "/");
    }

    /** Versions and model names become qualifier parts; a slash would make prefixes ambiguous. */
    public static String checkName(String what, String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be non-empty without '/' or control characters: "
                    + name);
        }
        return name;
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static String string(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
