package io.tradewind.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OccurrenceCounterTest {
    @Test
    void countsEachKeyAcrossTableGrowth() {
        OccurrenceCounter counter = new OccurrenceCounter();
        for (long key = 0; key < 100_000; key++) {
            assertEquals(0, counter.next(key));
        }
        for (long key = 0; key < 100_000; key += 7) {
            assertEquals(1, counter.next(key));
        }
        assertEquals(2, counter.next(0));
        assertEquals(2, counter.next(99_995));
    }
}
