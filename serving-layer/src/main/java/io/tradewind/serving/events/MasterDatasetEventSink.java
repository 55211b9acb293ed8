package io.tradewind.serving.events;

import io.tradewind.contracts.masterdata.AppendResult;
import io.tradewind.contracts.masterdata.MasterDatasetAppender;
import io.tradewind.contracts.masterdata.MasterDatasetLayout;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventIds;
import io.tradewind.serving.store.StoreUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.hadoop.conf.Configuration;

/**
 * Appends API events to the master data set, one committed write per call, so an acknowledged event is on HDFS
 * and the next retrain sees it. Calls are serialised (the appender allows one writer per data set) with a bounded
 * wait. Each call writes small files; fine for the trickle a shop posts before the speed layer takes over this
 * path. A failure can leave some date partitions of a call written; event ids make the retry add only the rest.
 */
public final class MasterDatasetEventSink implements EventSink {
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    private final MasterDatasetLayout layout;
    private final Configuration conf;
    private final ReentrantLock writer = new ReentrantLock(true);

    public MasterDatasetEventSink(String eventsUri, Configuration conf) {
        this.layout = MasterDatasetLayout.at(eventsUri, conf);
        this.conf = conf;
    }

    @Override
    public Stored store(List<BehaviourEvent> events) {
        boolean locked;
        try {
            locked = writer.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting to write events", e);
        }
        if (!locked) {
            // A slow HDFS must not tie up every API worker in this queue: the caller retries later.
            throw new StoreUnavailableException("the master data set is busy (a write has taken over " + LOCK_WAIT.toSeconds()
                    + " s); retry with the same event ids", null);
        }
        try (MasterDatasetAppender appender = new MasterDatasetAppender(layout, conf, "api-" + EventIds.random())) {
            // Sorted by time, the appender writes one file per date instead of reopening partitions.
            for (BehaviourEvent e : events.stream().sorted(Comparator.comparingLong(BehaviourEvent::timestampMillis)).toList()) {
                appender.append(e);
            }
            AppendResult result = appender.commit();
            return new Stored(result.written(), result.alreadyPresent());
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot store events in " + layout.root() + ": " + e.getMessage()
                    + "; retry with the same event ids (those already stored are not added twice)", e);
        } finally {
            writer.unlock();
        }
    }

    @Override
    public String describe() {
        return "master data set " + layout.root();
    }
}
