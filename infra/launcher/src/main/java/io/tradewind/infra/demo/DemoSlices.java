package io.tradewind.infra.demo;

import io.tradewind.batch.ingest.EventSlice;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.ingest.SourceMapping;
import io.tradewind.core.ingest.SourceMappings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * What the demo replays, read through the importer's mappings (so each event has the id an import gives it): Online
 * Retail's events from the cut on, which the demo's import held back, and the first minutes of the Taobao sample's
 * stream, a second shop whose ids are prefixed {@code tb-} so they never meet Online Retail's.
 */
public final class DemoSlices {
    /** The built-in {@code taobao} mapping with prefixed ids: see the file's description for why. */
    static final String TAOBAO_DEMO_MAPPING = "demo/taobao-demo.json";

    private DemoSlices() {
    }

    /** Online Retail's events dated at or after {@code cut}, in event-time order. */
    public static ReplaySlice onlineRetailFrom(Path file, Instant cut, Configuration conf) {
        List<BehaviourEvent> events = EventSlice.read(SourceMappings.builtIn("online-retail"), file.toString(), conf,
                cut, null);
        return new ReplaySlice("Online Retail's held-back events", events);
    }

    /** The first {@code length} of the Taobao sample's view/cart/fav/buy stream, in event-time order. */
    public static ReplaySlice taobaoStart(Path file, Duration length, Configuration conf) {
        List<BehaviourEvent> all = EventSlice.read(taobaoDemoMapping(), file.toString(), conf, null, null);
        if (all.isEmpty()) {
            return new ReplaySlice("the Taobao stream", all);
        }
        Instant until = all.get(0).timestamp().plus(length);
        int end = 0;
        while (end < all.size() && all.get(end).timestamp().isBefore(until)) {
            end++;
        }
        return new ReplaySlice("the Taobao stream's first " + length.toMinutes() + " minutes", all.subList(0, end));
    }

    static SourceMapping taobaoDemoMapping() {
        try (InputStream in = DemoSlices.class.getClassLoader().getResourceAsStream(TAOBAO_DEMO_MAPPING)) {
            if (in == null) {
                throw new IllegalStateException("class path resource " + TAOBAO_DEMO_MAPPING + " is missing");
            }
            return SourceMappings.parse(in, "classpath:" + TAOBAO_DEMO_MAPPING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TAOBAO_DEMO_MAPPING, e);
        }
    }
}
