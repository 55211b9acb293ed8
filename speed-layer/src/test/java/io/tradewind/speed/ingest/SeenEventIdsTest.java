package io.tradewind.speed.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void remembersEveryIdWithinTheRetentionAndForgetsOlderOnes() {
        SeenEventIds ids = new SeenEventIds();
        for (int k = 0; k < 1_000; k++) {
            ids.add("event-" + k, k * 1_000L, HOUR);
        }
        for (int k = 0; k < 1_000; k++) {
            assertTrue(ids.contains("event-" + k), "event-" + k);
        }
        assertFalse(ids.contains("event-1000"));
        assertFalse(ids.contains("Event-1"), "ids are case-sensitive");

        ids.add("late", 1_000_000L + HOUR, HOUR); // everything seen before 1,000 s is forgotten
        assertEquals(1, ids.count);
        assertFalse(ids.contains("event-999"));
        assertTrue(ids.contains("late"));
        assertEquals(1_000_000L + HOUR, ids.newestMillis());
    }

    @Test
    void isAFlinkPojoSoSnapshotsUseArraySerialisersNotKryo() throws Exception {
        TypeInformation<SeenEventIds> type = TypeInformation.of(SeenEventIds.class);
        assertTrue(type instanceof PojoTypeInfo, "serialised as " + type);
        SeenEventIds ids = new SeenEventIds();
        ids.add("a", 1, HOUR);
        ids.add("b", 2, HOUR);
        TypeSerializer<SeenEventIds> serializer = type.createSerializer(new ExecutionConfig().getSerializerConfig());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(ids, out);
        SeenEventIds back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertTrue(back.contains("a") && back.contains("b"));
        assertFalse(back.contains("c"));
        assertEquals(2, back.newestMillis());
    }
}
