package io.tradewind.speed.state;

import io.tradewind.contracts.hbase.ActiveVersionPointer;
import io.tradewind.contracts.hbase.LiveSegment;
import io.tradewind.contracts.hbase.ListCodec;
import io.tradewind.contracts.hbase.RealtimeItem;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import io.tradewind.core.incremental.IncrementalModel;
import io.tradewind.core.incremental.ScoredItem;
import io.tradewind.core.incremental.Teacher;
import io.tradewind.core.incremental.Trending;
import io.tradewind.core.portrait.PurchaseLedger;
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
 * Keyed by user: folds each event into the user's {@link LiveUserState}, takes one step of the incremental (DIR)
 * model, re-assigns the user's segment against the active version's centroids, and emits the user's new real-time
 * list (with the segment when it changed).
 *
 * <p>The teacher is the batch version the API serves (the registry's active pointer, checked at most once per
 * {@code versionCheckInterval}); a newly activated version is loaded without a restart, and each user's learnt
 * correction starts again on it. The live segment is the version's batch segment until the user's events move the
 * live RFM (batch totals at the as-of plus the purchases since) into another centroid's cell; it is emitted only
 * then. Lists and segments depend on event times only, never on the wall clock, so a replay from a
 * checkpoint emits the same updates. For the same reason the model's trending items are the active version's
 * ({@code trending.jsonl}, the batch's snapshot at its as-of), not a live aggregate whose arrival would interleave
 * differently with a user's events after a restore; a daily retrain refreshes them once a day, as often as the
 * OR-INC replay does. (The live, per-country trending in the catalogue is the trending sink's.)
 */
public final class UserStateFunction extends KeyedProcessFunction<String, BehaviourEvent, RealtimeUpdate> {
    private static final Logger LOG = LoggerFactory.getLogger(UserStateFunction.class);
    private static final byte[] NO_CHANGE = new byte[0];
    /** Until a batch version is active: events are still remembered as the user's fresh items. */
    static final Teacher NO_TEACHER = Teacher.builder("none", 1, 0, 0).build();

    /**
     * Purchases this long before the active version's as-of are kept: a rollback to a version up to this much older
     * (the registry keeps a few recent versions) adds them to that version's totals instead of losing them.
     */
    static final long ROLLBACK_HORIZON_MILLIS = 35L * 86_400_000L;

    private final SpeedLayerSettings settings;
    private transient ValueState<LiveUserState> state;
    private transient Connection hbase;
    private transient ActiveVersionPointer pointer;
    private transient ViewStore views;
    private transient IncrementalModel model;
    private transient Teacher teacher;
    /** The teacher's version's trending items. */
    private transient Trending trending;
    /** Null while the active version has no segmentation to assign against. */
    private transient LiveSegmentation segmentation;
    private transient String segmentationVersion;
    private transient long nextVersionCheckMillis;
    private transient Counter updates;
    private transient Counter segmentChanges;

    public UserStateFunction(SpeedLayerSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) throws IOException {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("user", TypeInformation.of(LiveUserState.class)));
        hbase = ConnectionFactory.createConnection(settings.hbaseConfiguration());
        pointer = new ActiveVersionPointer(hbase, settings.hbaseNamespace());
        views = new ViewStore(settings.viewsUri(), settings.hadoopConfiguration());
        model = new IncrementalModel(settings.incremental(), settings.weights());
        teacher = NO_TEACHER;
        trending = Trending.none();
        updates = getRuntimeContext().getMetricGroup().counter("realtimeUpdates");
        segmentChanges = getRuntimeContext().getMetricGroup().counter("liveSegmentChanges");
    }

    @Override
    public void processElement(BehaviourEvent event, Context ctx, Collector<RealtimeUpdate> out) throws Exception {
        followActiveVersion(ctx.timerService().currentProcessingTime());
        LiveUserState user = state.value();
        if (user == null) {
            user = new LiveUserState(event.userId());
        }
        user.activity.add(event);
        if (user.purchases == null) {
            user.purchases = new PurchaseLedger(); // state written before live segments existed
        }
        user.purchases.add(event);
        user.incremental = model.update(user.incremental, event, teacher, trending).state();
        user.latestEventMillis = Math.max(user.latestEventMillis, event.timestampMillis());
        byte[] segmentChange = reassignSegment(event.userId(), user);
        state.update(user);

        List<RealtimeItem> list = list(user);
        boolean bought = event.type() == EventType.BUY;
        out.collect(new RealtimeUpdate(event.userId(), list.isEmpty() ? new byte[0] : ListCodec.encodeRealtime(list),
                user.latestEventMillis, bought ? event.itemId() : null, bought ? event.timestampMillis() : 0,
                segmentChange));
        updates.inc();
    }

    /**
     * The user's live segment, encoded, when it differs from what the user had under the active version (the batch
     * segment until the first change); {@link #NO_CHANGE} otherwise.
     */
    private byte[] reassignSegment(String userId, LiveUserState user) {
        if (segmentation == null) {
            return NO_CHANGE;
        }
        // Counted by the batch from now on; kept a while longer so a rollback to an older version still has them.
        user.purchases.forgetBefore(segmentation.asOfMillis() - ROLLBACK_HORIZON_MILLIS);
        String before = segmentation.version().equals(user.segmentVersion) ? user.segment
                : segmentation.batchSegment(userId);
        user.segmentVersion = segmentation.version();
        user.segment = before;
        Optional<LiveSegment> now = segmentation.assign(userId, user.purchases, user.latestEventMillis);
        if (now.isEmpty() || now.get().segment().equals(before)) {
            return NO_CHANGE;
        }
        user.segment = now.get().segment();
        segmentChanges.inc();
        return now.get().encode();
    }

    private List<RealtimeItem> list(LiveUserState user) {
        if (teacher == NO_TEACHER) {
            return List.of();
        }
        List<ScoredItem> scored = model.recommend(user.incremental, settings.listSize(), Set.of(), user.latestEventMillis,
                teacher, trending);
        List<RealtimeItem> items = new ArrayList<>(scored.size());
        for (ScoredItem s : scored) {
            items.add(new RealtimeItem(s.item(), (float) s.score(), s.reason(), user.latestEventMillis));
        }
        return items;
    }

    /**
     * Loads the teacher and the segmentation of the version the API serves when it has changed (publish, activate,
     * rollback). Each is kept on its own: a version whose segmentation cannot be read still teaches.
     */
    private void followActiveVersion(long nowMillis) {
        if (nowMillis < nextVersionCheckMillis) {
            return;
        }
        nextVersionCheckMillis = nowMillis + settings.versionCheckInterval().toMillis();
        Optional<String> active;
        try {
            active = pointer.read();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the active batch version (keeping {}): {}", teacher.version(), e.getMessage());
            return;
        }
        if (active.isEmpty()) {
            return;
        }
        if (!active.get().equals(teacher.version())) {
            followTeacher(active.get());
        }
        if (!active.get().equals(segmentationVersion)) {
            followSegmentation(active.get());
        }
    }

    private void followTeacher(String version) {
        try {
            Teacher loaded = TeacherLoader.load(views, version);
            Trending loadedTrending = TeacherLoader.trending(views, version);
            LOG.info("incremental model now learns from batch version {} ({} items, {} trending)", version,
                    loaded.numItems(), loadedTrending.size());
            teacher = loaded;
            trending = loadedTrending;
        } catch (IOException | RuntimeException e) {
            // Keep learning from the teacher we have; the next check tries again.
            LOG.warn("cannot load the teacher of batch version {} (keeping {}): {}", version, teacher.version(),
                    e.getMessage());
        }
    }

    private void followSegmentation(String version) {
        try {
            segmentation = LiveSegmentation.load(views, version).orElse(null);
            segmentationVersion = version;
            if (segmentation == null) {
                LOG.info("batch version {} has no segments or no RFM baseline: users keep its batch segments", version);
            } else {
                LOG.info("live segments now assigned against batch version {} ({} segments, {} users in the baseline)",
                        version, segmentation.segments(), segmentation.baselineUsers());
            }
        } catch (IOException | RuntimeException e) {
            // Assigning against the previous version's centroids would mix two segmentations: assign none until the
            // next check reads this one.
            segmentation = null;
            LOG.warn("cannot load the segmentation of batch version {}: {}", version, e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        if (hbase != null) {
            hbase.close();
        }
    }
}
