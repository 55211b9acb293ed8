package io.tradewind.serving.store;

import io.tradewind.contracts.hbase.ServingTables;

import java.io.IOException;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.ColumnPrefixFilter;
import org.apache.hadoop.hbase.filter.FilterList;
import org.apache.hadoop.hbase.filter.KeyOnlyFilter;

/**
 * Removes every cell of one version from the data tables. The version sits in the qualifier, so this is a scan
 * filtered on the server by qualifier prefix (only that version's keys come back, without values) and one Delete
 * per row. Run by retention, once a night at most, so a full pass over the tables is affordable.
 */
final class VersionEraser {
    private final Connection connection;
    private final ServingTables tables;

    VersionEraser(Connection connection, ServingTables tables) {
        this.connection = connection;
        this.tables = tables;
    }

    /** Returns how many rows had cells of the version. */
    long erase(String version) throws IOException {
        byte[] prefix = ServingTables.versionPrefix(version);
        return erase(tables.users, prefix, ServingTables.PORTRAIT, ServingTables.BATCH)
                + erase(tables.items, prefix, ServingTables.ITEM)
                + erase(tables.popularity, prefix, ServingTables.POPULAR);
    }

    /** Family {@code r} of users is never named here: real-time cells carry no version. */
    private long erase(TableName table, byte[] prefix, byte[]... families) throws IOException {
        try (Admin admin = connection.getAdmin()) {
            if (!admin.tableExists(table)) {
                return 0;
            }
        }
        Scan scan = new Scan().setCaching(500)
                .setFilter(new FilterList(new ColumnPrefixFilter(prefix), new KeyOnlyFilter()));
        for (byte[] family : families) {
            scan.addFamily(family);
        }
        long rows = 0;
        try (Table t = connection.getTable(table);
             ResultScanner scanner = t.getScanner(scan);
             BufferedMutator deletes = connection.getBufferedMutator(table)) {
            for (Result row = scanner.next(); row != null; row = scanner.next()) { // IOException, not unchecked
                Delete delete = new Delete(row.getRow());
                for (Cell cell : row.rawCells()) {
                    delete.addColumns(CellUtil.cloneFamily(cell), CellUtil.cloneQualifier(cell));
                }
                deletes.mutate(delete);
                rows++;
            }
        }
        return rows;
    }
}
