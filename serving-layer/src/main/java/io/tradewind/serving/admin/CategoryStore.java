package io.tradewind.serving.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.serving.store.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.hbase.client.CheckAndMutate;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;

/** Categories in HBase, so every API instance sees the same set. Create refuses an existing id atomically. */
public final class CategoryStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final AdminTables tables;

    public CategoryStore(Connection connection, String namespace) {
        this.connection = connection;
        this.tables = new AdminTables(namespace);
    }

    public List<Category> list() {
        List<Category> out = new ArrayList<>();
        try (Table t = connection.getTable(tables.categories); ResultScanner scanner = t.getScanner(new Scan())) {
            for (Result r : scanner) {
                out.add(JSON.readValue(r.getValue(AdminTables.FAMILY, AdminTables.JSON), Category.class));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StoreUnavailableException("cannot list categories: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Category::name));
        return out;
    }

    public Optional<Category> get(String id) {
        try (Table t = connection.getTable(tables.categories)) {
            Result r = t.get(new Get(row(id)));
            return r.isEmpty() ? Optional.empty()
                    : Optional.of(JSON.readValue(r.getValue(AdminTables.FAMILY, AdminTables.JSON), Category.class));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read category " + id + ": " + e.getMessage(), e);
        }
    }

    /** @return false when a category with that id exists already */
    public boolean create(Category c) {
        try (Table t = connection.getTable(tables.categories)) {
            return t.checkAndMutate(CheckAndMutate.newBuilder(row(c.id()))
                    .ifNotExists(AdminTables.FAMILY, AdminTables.JSON).build(put(c))).isSuccess();
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot create category " + c.id() + ": " + e.getMessage(), e);
        }
    }

    public void replace(Category c) {
        try (Table t = connection.getTable(tables.categories)) {
            t.put(put(c));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot update category " + c.id() + ": " + e.getMessage(), e);
        }
    }

    public void delete(String id) {
        try (Table t = connection.getTable(tables.categories)) {
            t.delete(new Delete(row(id)));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot delete category " + id + ": " + e.getMessage(), e);
        }
    }

    private static Put put(Category c) throws IOException {
        return new Put(row(c.id())).addColumn(AdminTables.FAMILY, AdminTables.JSON, JSON.writeValueAsBytes(c));
    }

    private static byte[] row(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }
}
