package io.tradewind.batch.retrain;

import io.tradewind.contracts.views.ItemStat;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.BehaviourWeights;
import io.tradewind.core.event.EventType;
import java.util.EnumMap;
import java.util.Map;
import io.tradewind.core.portrait.UserActivity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.GlobalWindows;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.util.CloseableIterator;

/**
 * The distributed half of the retrain: a Flink job in batch execution that reads the event history, drops
 * duplicates and events at or after the as-of time, and aggregates per user, per user-item pair and per item.
 *
 * <p>The source is given from outside (the master data set on HDFS in production, in-memory events in unit
 * tests), so the same pipeline runs on both. Results come back to the driver through collect sinks; they
 * are bounded by users, items and distinct pairs, never by events.
 */
public final class EventAggregationJob {
    private final Function<StreamExecutionEnvironment, DataStream<BehaviourEvent>> source;
    private final int parallelism;
    private final BehaviourWeights weights;

    public EventAggregationJob(Function<StreamExecutionEnvironment, DataStream<BehaviourEvent>> source, int parallelism,
            BehaviourWeights weights) {
        this.source = source;
        this.parallelism = parallelism;
        this.weights = weights;
    }

    public EventAggregationJob(Function<StreamExecutionEnvironment, DataStream<BehaviourEvent>> source, int parallelism) {
        this(source, parallelism, BehaviourWeights.DEFAULT);
    }

    /**
     * @param asOfMillis events at or after this time are ignored (the retrain sees the world as it was then)
     * @param portraitWindowStartMillis users' activity for portraits counts from here; models use all history
     */
    public EventAggregates execute(long asOfMillis, long portraitWindowStartMillis) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(parallelism);

        // Every operator's parallelism is set explicitly: in batch execution Flink's adaptive scheduler otherwise
        // sizes each stage by its input bytes, and the readers, whose input is only file names, ran as one task
        // (and a local MiniCluster then got a single slot, so the keyed stages ran one subtask after the other).
        SingleOutputStreamOperator<UserHistory> users = source.apply(env)
                .filter(e -> e.timestampMillis() < asOfMillis)
                .setParallelism(parallelism)
                .name("before as-of")
                .keyBy(BehaviourEvent::userId)
                .window(GlobalWindows.createWithEndOfStreamTrigger())
                .process(new UserHistoryFunction(asOfMillis, portraitWindowStartMillis, weights),
                        TypeInformation.of(UserHistory.class))
                .setParallelism(parallelism)
                .name("per-user history");
        DataStream<PairStat> pairs = users.getSideOutput(UserHistoryFunction.PAIRS);
        DataStream<ItemStat> items = users.getSideOutput(UserHistoryFunction.SIGHTINGS)
                .keyBy(ItemSighting::itemId)
                .window(GlobalWindows.createWithEndOfStreamTrigger())
                .aggregate(new ItemStatsAggregate())
                .setParallelism(parallelism)
                .name("per-item buyers");

        try (CloseableIterator<UserHistory> userIt = users.collectAsync();
             CloseableIterator<PairStat> pairIt = pairs.collectAsync();
             CloseableIterator<ItemStat> itemIt = items.collectAsync()) {
            JobClient job = env.executeAsync("tradewind-retrain-aggregation");
            ExecutorService drainers = Executors.newFixedThreadPool(3);
            // Each collect sink blocks once its buffer is full until the client fetches, so all results are
            // drained at the same time; draining one after the other deadlocks on real data sizes.
            CompletableFuture<List<UserHistory>> userList = drainAsync(userIt, drainers);
            CompletableFuture<List<PairStat>> pairList = drainAsync(pairIt, drainers);
            CompletableFuture<List<ItemStat>> itemList = drainAsync(itemIt, drainers);
            try {
                // A drainer that dies stops fetching, its sink fills up and the job would never end: cancel it.
                for (CompletableFuture<?> drain : List.of(userList, pairList, itemList)) {
                    drain.whenComplete((rows, failure) -> {
                        if (failure != null) {
                            job.cancel();
                        }
                    });
                }
                CompletableFuture.allOf(userList, pairList, itemList).join();
            } finally {
                drainers.shutdownNow();
            }
            job.getJobExecutionResult().get();
            // Parallel tasks reach the collect sinks in any order; sorted by id, everything downstream (K-means
            // seeding, popularity ties) sees the same input on every run and at every parallelism.
            List<UserActivity> activities = userList.get().stream()
                    .sorted(Comparator.comparing(UserHistory::userId))
                    .map(UserHistory::activity).filter(Objects::nonNull).toList();
            long events = userList.get().stream().mapToLong(UserHistory::events).sum();
            Map<EventType, Long> byType = new EnumMap<>(EventType.class);
            for (UserHistory user : userList.get()) {
                for (EventType type : EventType.values()) {
                    if (user.eventsByType()[type.ordinal()] > 0) {
                        byType.merge(type, user.eventsByType()[type.ordinal()], Long::sum);
                    }
                }
            }
            List<PairStat> sortedPairs = pairList.get().stream()
                    .sorted(Comparator.comparing(PairStat::userId).thenComparing(PairStat::itemId)).toList();
            List<ItemStat> sortedItems = itemList.get().stream().sorted(Comparator.comparing(ItemStat::itemId)).toList();
            return new EventAggregates(activities, sortedPairs, sortedItems, events, byType);
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static <T> CompletableFuture<List<T>> drainAsync(CloseableIterator<T> it, ExecutorService executor) {
        return CompletableFuture.supplyAsync(() -> {
            List<T> out = new ArrayList<>();
            it.forEachRemaining(out::add);
            return out;
        }, executor);
    }
}
