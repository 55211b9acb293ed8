package io.tradewind.speed.state;

import io.tradewind.contracts.hbase.ActiveVersionPointer;
import io.tradewind.contracts.hbase.ListCodec;
import io.tradewind.contracts.hbase.RealtimeItem;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import io.tradewind.core.realtime.NeighbourCandidates;
import io.tradewind.speed.SpeedLayerSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by user: folds each event into the user's {@link LiveUserState} and emits the user's new real-time view.
 *
 * <p>The list is built on the batch version the API serves (the registry's active pointer, checked at most once per
 * {@code versionCheckInterval}): the neighbours of the items the user has just shown interest in. Everything it
 * derives depends on event times only, never on the wall clock, so a replay from a checkpoint emits the same
 * updates again.
 */
public final class UserStateFunction extends KeyedProcessFunction<String, BehaviourEvent, RealtimeUpdate> {
    private static final Logger LOG = LoggerFactory.getLogger(UserStateFunction.class);

    private final SpeedLayerSettings settings;
    private transient ValueState<LiveUserState> state;
    private transient Connection hbase;
    private transient ActiveVersionPointer pointer;
    private transient ViewStore views;
    private transient BatchViewNeighbours neighbours;
    private transient long nextVersionCheckMillis;
    private transient Counter updates;

    public UserStateFunction(SpeedLayerSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) throws IOException {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("user", TypeInformation.of(LiveUserState.class)));
        hbase = ConnectionFactory.createConnection(settings.hbaseConfiguration());
        pointer = new ActiveVersionPointer(hbase, settings.hbaseNamespace());
        views = new ViewStore(settings.viewsUri(), settings.hadoopConfiguration());
        neighbours = BatchViewNeighbours.NONE;
        updates = getRuntimeContext().getMetricGroup().counter("realtimeUpdates");
    }

    @Override
    public void processElement(BehaviourEvent event, Context ctx, Collector<RealtimeUpdate> out) throws Exception {
        followActiveVersion(ctx.timerService().currentProcessingTime());
        LiveUserState user = state.value();
        if (user == null) {
            user = new LiveUserState(event.userId(), settings.recentItems(), settings.interestHalfLife().toMillis());
        }
        user.activity.add(event);
        user.recent.add(event, settings.weights());
        user.latestEventMillis = Math.max(user.latestEventMillis, event.timestampMillis());
        state.update(user);

        List<RealtimeItem> list = list(user);
        boolean bought = event.type() == EventType.BUY;
        out.collect(new RealtimeUpdate(event.userId(), list.isEmpty() ? new byte[0] : ListCodec.encodeRealtime(list),
                user.latestEventMillis, bought ? event.itemId() : null, bought ? event.timestampMillis() : 0));
        updates.inc();
    }

    private List<RealtimeItem> list(LiveUserState user) {
        List<NeighbourCandidates.Candidate> candidates = NeighbourCandidates.score(
                user.recent.strongestAt(user.latestEventMillis), neighbours::of, Set.of(), settings.listSize());
        List<RealtimeItem> items = new ArrayList<>(candidates.size());
        for (NeighbourCandidates.Candidate c : candidates) {
            items.add(new RealtimeItem(c.item(), (float) c.score(), c.reason(), user.latestEventMillis));
        }
        return items;
    }

    /** Loads the neighbours of the version the API serves when it has changed (publish, activate, rollback). */
    private void followActiveVersion(long nowMillis) {
        if (nowMillis < nextVersionCheckMillis) {
            return;
        }
        nextVersionCheckMillis = nowMillis + settings.versionCheckInterval().toMillis();
        try {
            Optional<String> active = pointer.read();
            if (active.isPresent() && !active.get().equals(neighbours.version())) {
                BatchViewNeighbours loaded = BatchViewNeighbours.load(views, active.get());
                LOG.info("real-time lists now build on batch version {} ({} items with neighbours)", active.get(), loaded.items());
                neighbours = loaded;
            }
        } catch (IOException e) {
            // Keep serving on the version we have; the next check tries again.
            LOG.warn("cannot follow the active batch version (keeping {}): {}", neighbours.version(), e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        if (hbase != null) {
            hbase.close();
        }
    }
}
