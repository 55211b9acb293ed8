package io.tradewind.serving.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.hbase.NamespaceDescriptor;
import org.apache.hadoop.hbase.NamespaceExistException;
import org.apache.hadoop.hbase.TableExistsException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;

/**
 * The admin's tables beside the serving tables: {@code categories} (one row per category), {@code audit}
 * (one row per action, keyed newest first), {@code accounts} (one row per console account, keyed by name) and
 * {@code sessions} (one row per signed-in session, keyed by the SHA-256 of its token, never the token). They live
 * in HBase, not in an API instance's memory, so every instance behind the load balancer sees the same accounts and
 * sessions. All are tiny: one region each, no salting.
 */
public final class AdminTables {
    static final byte[] FAMILY = "a".getBytes(StandardCharsets.UTF_8);
    static final byte[] JSON = "json".getBytes(StandardCharsets.UTF_8);

    final TableName categories;
    final TableName audit;
    final TableName accounts;
    final TableName sessions;

    AdminTables(String namespace) {
        categories = TableName.valueOf(namespace, "categories");
        audit = TableName.valueOf(namespace, "audit");
        accounts = TableName.valueOf(namespace, "accounts");
        sessions = TableName.valueOf(namespace, "sessions");
    }

    public static void createIfAbsent(Connection connection, String namespace) throws IOException {
        AdminTables t = new AdminTables(namespace);
        try (Admin admin = connection.getAdmin()) {
            try {
                admin.createNamespace(NamespaceDescriptor.create(namespace).build());
            } catch (NamespaceExistException alreadyThere) {
                // the serving tables' set-up made it
            }
            for (TableName name : new TableName[] {t.categories, t.audit, t.accounts, t.sessions}) {
                if (!admin.tableExists(name)) {
                    try {
                        admin.createTable(TableDescriptorBuilder.newBuilder(name)
                                .setColumnFamily(ColumnFamilyDescriptorBuilder.newBuilder(FAMILY).setMaxVersions(1).build())
                                .build());
                    } catch (TableExistsException concurrent) {
                        // created between the check and here
                    }
                }
            }
        }
    }
}
