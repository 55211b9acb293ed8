package io.tradewind.serving.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.serving.store.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.hbase.client.CheckAndMutate;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;

/** Console accounts in HBase ({@code accounts}, row = account name), shared by every API instance and the CLI. */
public final class AccountStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final AdminTables tables;

    public AccountStore(Connection connection, String namespace) {
        this.connection = connection;
        this.tables = new AdminTables(namespace);
    }

    public Optional<Account> get(String name) {
        try (Table t = connection.getTable(tables.accounts)) {
            Result r = t.get(new Get(row(name)));
            return r.isEmpty() ? Optional.empty()
                    : Optional.of(JSON.readValue(r.getValue(AdminTables.FAMILY, AdminTables.JSON), Account.class));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read accounts: " + e.getMessage(), e);
        }
    }

    /** @return false when an account of that name exists already (checked atomically) */
    public boolean create(Account a) {
        try (Table t = connection.getTable(tables.accounts)) {
            return t.checkAndMutate(CheckAndMutate.newBuilder(row(a.name()))
                    .ifNotExists(AdminTables.FAMILY, AdminTables.JSON).build(put(a))).isSuccess();
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot create the account: " + e.getMessage(), e);
        }
    }

    public void replace(Account a) {
        try (Table t = connection.getTable(tables.accounts)) {
            t.put(put(a));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot update the account: " + e.getMessage(), e);
        }
    }

    public List<Account> list() {
        List<Account> out = new ArrayList<>();
        try (Table t = connection.getTable(tables.accounts); ResultScanner scanner = t.getScanner(new Scan())) {
            for (Result r : scanner) {
                out.add(JSON.readValue(r.getValue(AdminTables.FAMILY, AdminTables.JSON), Account.class));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StoreUnavailableException("cannot list accounts: " + e.getMessage(), e);
        }
        return out;
    }

    private static Put put(Account a) throws IOException {
        return new Put(row(a.name())).addColumn(AdminTables.FAMILY, AdminTables.JSON, JSON.writeValueAsBytes(a));
    }

    private static byte[] row(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
