package io.tradewind.contracts.hbase;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.hbase.TableNotFoundException;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;

/**
 * Reads which batch-view version the API serves now (the registry's active pointer, written by publish, activate
 * and rollback). The speed layer follows it, so its real-time lists build on the version users see, rollbacks
 * included.
 */
public final class ActiveVersionPointer {
    private final Connection connection;
    private final ServingTables tables;

    public ActiveVersionPointer(Connection connection, String namespace) {
        this.connection = connection;
        this.tables = new ServingTables(namespace);
    }

    /** Empty before the first publish (no registry table yet, or no active version). */
    public Optional<String> read() throws IOException {
        try (Table t = connection.getTable(tables.registry)) {
            Result r = t.get(new Get(ServingTables.REGISTRY_ACTIVE_ROW)
                    .addColumn(ServingTables.REGISTRY, ServingTables.REGISTRY_ACTIVE_VERSION));
            byte[] v = r.getValue(ServingTables.REGISTRY, ServingTables.REGISTRY_ACTIVE_VERSION);
            return v == null ? Optional.empty() : Optional.of(ServingTables.string(v));
        } catch (TableNotFoundException notYet) {
            return Optional.empty();
        }
    }
}
