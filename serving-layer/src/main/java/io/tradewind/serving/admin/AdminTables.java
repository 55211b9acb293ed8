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
 * The admin's tables beside the serving tables: {@code categories} (one row per category) and {@code audit}
 * (one row per action, keyed newest first). Both are tiny and written rarely: one region each, no salting.
 */
public final class AdminTables {
    static final byte[] FAMILY = "a".getBytes(StandardCharsets.UTF_8);
    static final byte[] JSON = "json".getBytes(StandardCharsets.UTF_8);

    final TableName categories;
    final TableName audit;

    AdminTables(String namespace) {
        categories = TableName.valueOf(namespace, "categories");
        audit = TableName.valueOf(namespace, "audit");
    }

    public static void createIfAbsent(Connection connection, String namespace) throws IOException {
        AdminTables t = new AdminTables(namespace);
        try (Admin admin = connection.getAdmin()) {
            try {
                admin.createNamespace(NamespaceDescriptor.create(namespace).build());
            } catch (NamespaceExistException alreadyThere) {
                // the serving tables' set-up made it
            }
            for (TableName name : new TableName[] {t.categories, t.audit}) {
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
