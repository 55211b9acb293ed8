package io.tradewind.speed;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.speed.archive.MasterDatasetArchive;
import io.tradewind.speed.ingest.DeadLetter;
import io.tradewind.speed.ingest.EventDecoder;
import io.tradewind.speed.ingest.FirstSeenFilter;
import io.tradewind.speed.ingest.RawEvent;
import io.tradewind.speed.state.RealtimeUpdate;
import io.tradewind.speed.state.UserStateFunction;
import io.tradewind.speed.trending.CountryTrending;
import io.tradewind.speed.trending.TrendingChange;
import io.tradewind.speed.views.CatalogueTrendingSink;
import io.tradewind.speed.views.RealtimeViewSink;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The speed layer's topology, given where raw records come from and where dead letters go (Kafka in production):
 * <pre>
 * raw records ─▶ decode ─┬─▶ (by user) first seen ─┬─▶ archive: master data set, exactly once
 *                        │                         ├─▶ (by user) user state ─▶ real-time views (HBase)
 *                        │                         └─▶ (by country, item) event-time windows ─▶ trending board
 *                        │                                                  ─▶ catalogue trending fields (Elasticsearch)
 *                        └─▶ dead letters (bad bytes, schema, future dates)
 * </pre>
 * Dedup comes before everything that keeps state, so a resent event is archived once and moves no list twice. Both
 * keyed stages key by user: a user's events come from one Kafka partition (the topic is keyed by user id) and keep
 * that order to the user's state, so a replay after a failure folds them in the same order and writes the same
 * views.
 */
public final class SpeedLayerPipeline {
    /** What the pipeline exposes besides its sinks, so tests and the job can count what happened. */
    public record Streams(DataStream<BehaviourEvent> accepted, DataStream<DeadLetter> deadLetters,
                          DataStream<String> duplicateIds, DataStream<RealtimeUpdate> updates,
                          DataStream<TrendingChange> trendingChanges, DataStream<BehaviourEvent> tooLateForTrending) {
    }

    private final SpeedLayerSettings settings;

    public SpeedLayerPipeline(SpeedLayerSettings settings) {
        this.settings = settings;
    }

    public Streams build(DataStream<RawEvent> raw, Sink<DeadLetter> deadLetterSink) {
        SingleOutputStreamOperator<BehaviourEvent> decoded = raw
                .process(new EventDecoder(settings.futureTolerance()))
                .uid("decode").name("decode events");
        DataStream<DeadLetter> deadLetters = decoded.getSideOutput(EventDecoder.DEAD_LETTERS);
        deadLetters.sinkTo(deadLetterSink).uid("dead-letter-sink").name("dead-letter topic");

        SingleOutputStreamOperator<BehaviourEvent> accepted = decoded
                .keyBy(BehaviourEvent::userId)
                .process(new FirstSeenFilter(settings.dedupRetention()))
                .uid("first-seen").name("drop duplicate event ids");

        accepted.sinkTo(MasterDatasetArchive.sink(settings.masterDatasetUri(), settings.hadoopSettings()))
                .uid("archive").name("archive to master data set");

        // Already partitioned by user (dedup is keyed by user, at the same parallelism): reinterpreting it as keyed
        // saves a second shuffle, i.e. serialising and buffering every event once more on its way to the user's list.
        SingleOutputStreamOperator<RealtimeUpdate> updates = DataStreamUtils
                .reinterpretAsKeyedStream(accepted, BehaviourEvent::userId, Types.STRING)
                .process(new UserStateFunction(settings))
                .uid("user-state").name("real-time user state");
        updates.sinkTo(new RealtimeViewSink(settings)).uid("realtime-views").name("real-time views (HBase)");

        CountryTrending.Streams trending = CountryTrending.build(accepted, settings.trending(), settings.weights());
        if (settings.trending().publishes()) {
            trending.changes().sinkTo(new CatalogueTrendingSink(settings.trending())).setParallelism(1)
                    .uid("catalogue-trending").name("trending fields (Elasticsearch catalogue)");
        }

        return new Streams(accepted, deadLetters, accepted.getSideOutput(FirstSeenFilter.DUPLICATES), updates,
                trending.changes(), trending.tooLate());
    }
}
