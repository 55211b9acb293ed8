package io.tradewind.speed.ingest;

import static io.tradewind.speed.ingest.SeenEventIds.Outcome.ADDED;
import static io.tradewind.speed.ingest.SeenEventIds.Outcome.ADDED_OVER_CAPACITY;
import static io.tradewind.speed.ingest.SeenEventIds.Outcome.SEEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SeenEventIdsTest {
    private static final long HOUR = 3_600_000L;
    private static final int NO_CAP = Integer.MAX_VALUE;

    @Test
    void remembersEveryIdWithinTheRetentionAndForgetsOlderOnes() {
        SeenEventIds ids = new SeenEventIds();
        for (int k = 0; k < 1_000; k++) {
            assertEquals(ADDED, ids.addIfAbsent("event-" + k, k * 1_000L, HOUR, NO_CAP));
        }
        for (int k = 0; k < 1_000; k++) {
            assertEquals(SEEN, ids.addIfAbsent("event-" + k, 1_000_000L, HOUR, NO_CAP), "event-" + k);
        }
        assertEquals(ADDED, ids.addIfAbsent("Event-1", 1_000_000L, HOUR, NO_CAP), "ids are case-sensitive");

        // An hour after 1,000 s, everything seen before 1,000 s is forgotten: a resend then counts as new.
        assertEquals(ADDED, ids.addIfAbsent("event-999", 1_000_000L + HOUR, HOUR, NO_CAP));
        assertEquals(2, ids.count, "Event-1 (seen at 1,000 s) and event-999 again");
        assertEquals(1_000_000L + HOUR, ids.newestMillis());
    }

    @Test
    void pastTheCapTheOldestIdsGoFirstAndTheRingKeepsItsOrder() {
        SeenEventIds ids = new SeenEventIds();
        for (int k = 0; k < 10; k++) {
            assertEquals(ADDED, ids.addIfAbsent("event-" + k, k, HOUR, 10));
        }
        assertEquals(ADDED_OVER_CAPACITY, ids.addIfAbsent("event-10", 10, HOUR, 10));
        assertEquals(ADDED_OVER_CAPACITY, ids.addIfAbsent("event-11", 11, HOUR, 10));
        assertEquals(10, ids.count);
        assertEquals(ADDED_OVER_CAPACITY, ids.addIfAbsent("event-0", 12, HOUR, 10), "pushed out: new again");
        for (int k = 3; k <= 11; k++) {
            assertEquals(SEEN, ids.addIfAbsent("event-" + k, 13, HOUR, 10), "event-" + k);
        }
        assertEquals(12, ids.newestMillis());
        // Expiry walks the ring from its oldest entry, wherever the ring starts.
        assertEquals(ADDED, ids.addIfAbsent("late", 8 + HOUR, HOUR, 10));
        assertEquals(6, ids.count, "event-8..11, event-0 and late: the ids first seen before 8 ms are gone");
    }

    @Test
    void isAFlinkPojoSoSnapshotsUseArraySerialisersNotKryo() throws Exception {
        TypeInformation<SeenEventIds> type = TypeInformation.of(SeenEventIds.class);
        assertTrue(type instanceof PojoTypeInfo, "serialised as " + type);
        SeenEventIds ids = new SeenEventIds();
        ids.addIfAbsent("a", 1, HOUR, NO_CAP);
        ids.addIfAbsent("b", 2, HOUR, NO_CAP);
        TypeSerializer<SeenEventIds> serializer = type.createSerializer(new ExecutionConfig().getSerializerConfig());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(ids, out);
        SeenEventIds back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(SEEN, back.addIfAbsent("a", 3, HOUR, NO_CAP));
        assertEquals(SEEN, back.addIfAbsent("b", 3, HOUR, NO_CAP));
        assertEquals(ADDED, back.addIfAbsent("c", 3, HOUR, NO_CAP));
    }
}
