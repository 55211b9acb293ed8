package io.tradewind.serving.events;

import io.tradewind.batch.masterdata.AppendResult;
import io.tradewind.batch.masterdata.MasterDatasetAppender;
import io.tradewind.batch.masterdata.MasterDatasetLayout;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventIds;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Appends API events to the master data set, one committed write per call, so an acknowledged event is on HDFS
 * and the next retrain sees it. Calls are serialised: the appender allows one writer per data set. Each call
 * writes small files; fine for the trickle a shop posts before the speed layer takes over this path.
 */
public final class MasterDatasetEventSink implements EventSink {
    private final MasterDatasetLayout layout;
    private final Configuration conf;

    public MasterDatasetEventSink(String eventsUri, Configuration conf) {
        this.layout = MasterDatasetLayout.at(eventsUri, conf);
        this.conf = conf;
    }

    @Override
    public synchronized Stored store(List<BehaviourEvent> events) throws IOException {
        try (MasterDatasetAppender appender = new MasterDatasetAppender(layout, conf, "api-" + EventIds.random())) {
            // Sorted by time, the appender writes one file per date instead of reopening partitions.
            for (BehaviourEvent e : events.stream().sorted(Comparator.comparingLong(BehaviourEvent::timestampMillis)).toList()) {
                appender.append(e);
            }
            AppendResult result = appender.commit();
            return new Stored(result.written(), result.alreadyPresent());
        }
    }

    @Override
    public String describe() {
        return "master data set " + layout.root();
    }
}
