package io.tradewind.speed.archive;

import io.tradewind.contracts.masterdata.MasterDatasetLayout;
import io.tradewind.core.event.BehaviourEvent;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * Puts an event in the master data set's partition of its own event time ({@code date=YYYY-MM-DD}, UTC), never of
 * its arrival: a late or replayed event lands where a retrain over its day will read it.
 */
public final class EventDatePartitioner implements BucketAssigner<BehaviourEvent, String> {
    @Override
    public String getBucketId(BehaviourEvent event, Context context) {
        return MasterDatasetLayout.partitionName(MasterDatasetLayout.partitionOf(event.timestampMillis()));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
