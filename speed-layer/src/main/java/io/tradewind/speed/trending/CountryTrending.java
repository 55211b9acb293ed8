package io.tradewind.speed.trending;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.BehaviourWeights;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The trending branch of the job:
 * <pre>
 * events with a country and a weight ─▶ event time (bounded disorder) ─▶ (by country, item) sliding windows: Σ weight
 *   ─▶ board: each country's best items per window end ─▶ changes for the catalogue documents
 *   └▶ events later than the allowed lateness: counted, left out
 * </pre>
 * Event time, not arrival time: a replay or a backlog counts what shoppers wanted then, not when the job caught up.
 */
public final class CountryTrending {
    /** What the branch yields: changes for the catalogue, and the events too late for any window. */
    public record Streams(DataStream<TrendingChange> changes, DataStream<BehaviourEvent> tooLate) {
    }

    private static final OutputTag<BehaviourEvent> TOO_LATE = new OutputTag<>("too-late-for-trending") { };

    private CountryTrending() {
    }

    public static Streams build(DataStream<BehaviourEvent> accepted, TrendingSettings settings, BehaviourWeights weights) {
        SingleOutputStreamOperator<WindowScore> scores = accepted
                .filter(e -> e.country() != null && !e.country().isBlank() && weights.of(e.type()) != 0)
                .uid("trending-filter").name("events that can trend")
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<BehaviourEvent>forBoundedOutOfOrderness(settings.lateness())
                        .withTimestampAssigner((e, previous) -> e.timestampMillis())
                        .withIdleness(settings.idleness()))
                .uid("trending-event-time").name("event time")
                .keyBy(e -> new CountryItem(e.country(), e.itemId()))
                .window(SlidingEventTimeWindows.of(settings.window(), settings.slide()))
                .sideOutputLateData(TOO_LATE)
                .aggregate(new WeightSum(weights), new ScoreWithWindow())
                .uid("trending-windows").name("trending windows per country and item");
        DataStream<BehaviourEvent> tooLate = scores.getSideOutput(TOO_LATE)
                .process(new LateEventCounter()).uid("trending-late").name("count events too late for trending");
        DataStream<TrendingChange> changes = scores
                .keyBy(s -> 0)
                .process(new TrendingBoard(settings.size()))
                .setParallelism(1).setMaxParallelism(1)
                .uid("trending-board").name("trending board");
        return new Streams(changes, tooLate);
    }
}
