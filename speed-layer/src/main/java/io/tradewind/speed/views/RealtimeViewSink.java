package io.tradewind.speed.views;

import io.tradewind.contracts.hbase.RealtimeListWriter;
import io.tradewind.contracts.hbase.ServingTables;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.speed.SpeedLayerSettings;
import io.tradewind.speed.state.RealtimeUpdate;
import java.io.IOException;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;

/**
 * Writes real-time views to HBase (table {@code users}, family {@code r}, the cells the API reads): a user's list,
 * the purchases an event recorded and the user's live segment when it changed, batched through a
 * {@link BufferedMutator}.
 *
 * <p>At least once, and replays are harmless: the buffer is flushed before every checkpoint completes, so an update
 * is in HBase or its event is replayed after a failure; a replayed update writes the same cells again (the list at
 * the same cell timestamp, the purchases with the same values, the segment at its change time). While HBase is down
 * the mutator retries for up to two minutes, which holds the job back (back-pressure to Kafka); past that the job
 * fails and restarts from its last checkpoint, losing nothing.
 */
public final class RealtimeViewSink implements Sink<RealtimeUpdate> {
    private final SpeedLayerSettings settings;

    public RealtimeViewSink(SpeedLayerSettings settings) {
        this.settings = settings;
    }

    @Override
    @Deprecated
    public SinkWriter<RealtimeUpdate> createWriter(InitContext context) throws IOException {
        return new Writer(settings, context.metricGroup().counter("realtimeViewsWritten"));
    }

    @Override
    public SinkWriter<RealtimeUpdate> createWriter(WriterInitContext context) throws IOException {
        return new Writer(settings, context.metricGroup().counter("realtimeViewsWritten"));
    }

    /** Longest time an update waits in the buffer. */
    static final long FLUSH_AFTER_MILLIS = 100;

    private static final class Writer implements SinkWriter<RealtimeUpdate> {
        private final Connection connection;
        private final BufferedMutator mutator;
        private final Counter written;

        Writer(SpeedLayerSettings settings, Counter written) throws IOException {
            this.connection = ConnectionFactory.createConnection(settings.hbaseConfiguration());
            // The speed layer may start before the first publish: the tables it writes must exist.
            ServingTables.createIfAbsent(connection, HBaseStoreSettings.defaults().withNamespace(settings.hbaseNamespace()));
            this.mutator = connection.getBufferedMutator(
                    new BufferedMutatorParams(RealtimeListWriter.usersTable(settings.hbaseNamespace()))
                            .writeBufferSize(2L << 20)
                            // A user should see an event's effect within a second, not at the next checkpoint.
                            // The timer that checks the timeout ticks every second unless told otherwise, which
                            // made a put wait 100-1,100 ms; HBase's smallest tick bounds the wait at 200 ms.
                            .setWriteBufferPeriodicFlushTimeoutMs(FLUSH_AFTER_MILLIS)
                            .setWriteBufferPeriodicFlushTimerTickMs(BufferedMutator.MIN_WRITE_BUFFER_PERIODIC_FLUSH_TIMERTICK_MS));
            this.written = written;
        }

        @Override
        public void write(RealtimeUpdate update, Context context) throws IOException {
            if (update.hasList()) {
                mutator.mutate(RealtimeListWriter.encodedListPut(update.userId(), update.encodedList(), update.asOfMillis()));
            }
            if (update.boughtItem() != null) {
                mutator.mutate(RealtimeListWriter.purchasesPut(update.userId(), Map.of(update.boughtItem(), update.boughtAtMillis())));
            }
            if (update.changedSegment()) {
                mutator.mutate(RealtimeListWriter.segmentPut(update.userId(), update.encodedSegment(), update.asOfMillis()));
            }
            written.inc();
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            mutator.flush();
        }

        @Override
        public void close() throws Exception {
            try {
                mutator.close();
            } finally {
                connection.close();
            }
        }
    }
}
