package io.tradewind.serving.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.serving.store.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;

/**
 * Console sessions in HBase ({@code sessions}, row = hex SHA-256 of the token): a stolen copy of the table holds
 * no token that works. Shared by every API instance, so a session survives a hop to another instance.
 */
public final class SessionStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final AdminTables tables;

    public SessionStore(Connection connection, String namespace) {
        this.connection = connection;
        this.tables = new AdminTables(namespace);
    }

    public void put(ConsoleSession s) {
        try (Table t = connection.getTable(tables.sessions)) {
            t.put(new Put(row(s.tokenHash())).addColumn(AdminTables.FAMILY, AdminTables.JSON, JSON.writeValueAsBytes(s)));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot write the session: " + e.getMessage(), e);
        }
    }

    public Optional<ConsoleSession> get(String tokenHash) {
        try (Table t = connection.getTable(tables.sessions)) {
            Result r = t.get(new Get(row(tokenHash)));
            return r.isEmpty() ? Optional.empty()
                    : Optional.of(JSON.readValue(r.getValue(AdminTables.FAMILY, AdminTables.JSON), ConsoleSession.class));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read the session: " + e.getMessage(), e);
        }
    }

    public void delete(String tokenHash) {
        try (Table t = connection.getTable(tables.sessions)) {
            t.delete(new Delete(row(tokenHash)));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot end the session: " + e.getMessage(), e);
        }
    }

    /** Ends every session of {@code account} (disabled, password reset); returns how many there were. */
    public int deleteAllOf(String account) {
        List<Delete> deletes = new ArrayList<>();
        try (Table t = connection.getTable(tables.sessions)) {
            try (ResultScanner scanner = t.getScanner(new Scan())) {
                for (Result r : scanner) {
                    ConsoleSession s = JSON.readValue(r.getValue(AdminTables.FAMILY, AdminTables.JSON), ConsoleSession.class);
                    if (s.account().equals(account)) {
                        deletes.add(new Delete(r.getRow()));
                    }
                }
            }
            t.delete(new ArrayList<>(deletes));
        } catch (IOException | UncheckedIOException e) {
            throw new StoreUnavailableException("cannot end the account's sessions: " + e.getMessage(), e);
        }
        return deletes.size();
    }

    private static byte[] row(String tokenHash) {
        return tokenHash.getBytes(StandardCharsets.US_ASCII);
    }
}
