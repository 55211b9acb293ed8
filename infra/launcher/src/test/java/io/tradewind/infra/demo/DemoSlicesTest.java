package io.tradewind.infra.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tradewind.batch.ingest.EventSlice;
import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import io.tradewind.core.ingest.SourceMappings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's Taobao stream: the built-in mapping's events with {@code tb-} ids, its first minutes in time order. */
class DemoSlicesTest {
    private static final Configuration CONF = new Configuration();
    // 1511658000 = 2017-11-26T01:00:00Z; user 13047 is also an Online Retail customer id.
    private static final String STREAM = """
            user_id,item_id,category_id,behavior_type,timestamp
            13047,2244074,1575622,pv,1511658000
            543462,1715,1464116,cart,1511658300
            13047,22633,1575622,buy,1511658010
            543462,1715,1464116,fav,1511658600
            """;

    @TempDir
    Path dir;

    @Test
    void theTaobaoStreamIsMappedLikeTheBuiltInSourceWithPrefixedIdsAndCutToItsFirstMinutes() throws Exception {
        Path csv = Files.writeString(dir.resolve("taobao.csv"), STREAM);

        ReplaySlice slice = DemoSlices.taobaoStart(csv, Duration.ofMinutes(10), CONF);

        assertEquals(List.of("tb-13047/tb-2244074/VIEW", "tb-13047/tb-22633/BUY", "tb-543462/tb-1715/CART"),
                slice.events().stream().map(e -> e.userId() + "/" + e.itemId() + "/" + e.type()).toList(),
                "time order; the fav at minute 10 is past the first 10 minutes");
        List<BehaviourEvent> builtIn = EventSlice.read(SourceMappings.builtIn("taobao"), csv.toString(), CONF, null, null);
        BehaviourEvent plain = builtIn.get(0);
        BehaviourEvent demo = slice.events().get(0);
        assertEquals(plain.timestamp(), demo.timestamp());
        assertEquals(plain.category(), demo.category());
        assertEquals(EventType.VIEW, demo.type());
        assertNotEquals(plain.eventId(), demo.eventId(), "another source, other facts: another id");
        assertEquals(demo.eventId(), DemoSlices.taobaoStart(csv, Duration.ofMinutes(10), CONF).events().get(0).eventId(),
                "ids are deterministic: a second demo run sends the same ids");
    }
}
