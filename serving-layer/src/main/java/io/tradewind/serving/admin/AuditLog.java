package io.tradewind.serving.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.serving.store.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;

/**
 * Admin actions, newest first: the row key is {@code Long.MAX_VALUE - millis} plus a random suffix, so a scan from
 * the start reads the latest entries and two actions in the same millisecond both stay.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final AdminTables tables;
    private final Clock clock;

    public AuditLog(Connection connection, String namespace, Clock clock) {
        this.connection = connection;
        this.tables = new AdminTables(namespace);
        this.clock = clock;
    }

    public AuditEntry record(String actor, String action, String target, Map<String, Object> details) {
        AuditEntry entry = new AuditEntry(clock.instant().toString(), actor, action, target, details);
        byte[] row = ByteBuffer.allocate(16).putLong(Long.MAX_VALUE - clock.millis())
                .putLong(ThreadLocalRandom.current().nextLong()).array();
        try (Table t = connection.getTable(tables.audit)) {
            t.put(new Put(row).addColumn(AdminTables.FAMILY, AdminTables.JSON, JSON.writeValueAsBytes(entry)));
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot write the audit log: " + e.getMessage(), e);
        }
        return entry;
    }

    /**
     * Entries newest first, of one actor and/or action when given, from {@code since} (inclusive) to {@code until}
     * (exclusive) when given; reads at most {@code scanCap} rows (the log of a busy year stays a quick read).
     */
    public List<AuditEntry> search(String actor, String action, java.time.Instant since, java.time.Instant until,
                                   int limit, int scanCap) {
        Scan scan = new Scan().setLimit(scanCap);
        if (until != null) {
            scan.withStartRow(ByteBuffer.allocate(8).putLong(Long.MAX_VALUE - (until.toEpochMilli() - 1)).array());
        }
        if (since != null) {
            scan.withStopRow(ByteBuffer.allocate(8).putLong(Long.MAX_VALUE - since.toEpochMilli() + 1).array());
        }
        List<AuditEntry> out = new ArrayList<>();
        try (Table t = connection.getTable(tables.audit); ResultScanner scanner = t.getScanner(scan)) {
            for (Result r : scanner) {
                AuditEntry e = JSON.readValue(r.getValue(AdminTables.FAMILY, AdminTables.JSON), AuditEntry.class);
                if ((actor == null || actor.equals(e.actor())) && (action == null || action.equals(e.action()))) {
                    out.add(e);
                    if (out.size() == limit) {
                        break;
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StoreUnavailableException("cannot read the audit log: " + e.getMessage(), e);
        }
        return out;
    }

    public List<AuditEntry> latest(int limit) {
        List<AuditEntry> out = new ArrayList<>();
        try (Table t = connection.getTable(tables.audit); ResultScanner scanner = t.getScanner(new Scan().setLimit(limit))) {
            for (Result r : scanner) {
                out.add(JSON.readValue(r.getValue(AdminTables.FAMILY, AdminTables.JSON), AuditEntry.class));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StoreUnavailableException("cannot read the audit log: " + e.getMessage(), e);
        }
        return out;
    }
}
