package io.tradewind.core.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CandidatePoolTest {

    @Test
    void oneSlotPerItemWhetherFoundByIndexOrIdAcrossGrowth() {
        Teacher.Builder b = Teacher.builder("v1", 2, 1.0, 0.1);
        for (int i = 0; i < 1_000; i++) {
            b.item("item-" + i, new float[] {i, 1}, i % 7);
        }
        Teacher teacher = b.build();
        CandidatePool pool = new CandidatePool(teacher, 4); // far too small: the table and the slots must grow
        int[] slots = new int[1_000];
        for (int i = 0; i < 1_000; i++) {
            slots[i] = pool.slotOf(teacher.itemIndex("item-" + i));
            pool.own[slots[i]] += i;
        }
        for (int i = 999; i >= 0; i--) {
            assertEquals(slots[i], pool.slotOf("item-" + i));
            assertEquals(slots[i], pool.slotOf(teacher.itemIndex("item-" + i)));
            assertEquals(i, pool.own[slots[i]]);
            assertEquals("item-" + i, pool.itemId(slots[i]));
            assertEquals(i % 7, pool.buyers[slots[i]]);
        }
        int fresh = pool.slotOf("new-item");
        assertEquals(fresh, pool.slotOf("new-item"));
        assertEquals(-1, pool.index[fresh]);
        assertEquals("new-item", pool.itemId(fresh));
        assertEquals(1_001, pool.size());
        assertNull(pool.unknownId[slots[0]]);
    }

    @Test
    void aResetPoolStartsEmptyAndFindsNothingOfTheLastCall() {
        Teacher.Builder b = Teacher.builder("v1", 2, 1.0, 0.1);
        for (int i = 0; i < 100; i++) {
            b.item("item-" + i, new float[] {i, 1}, 1);
        }
        Teacher teacher = b.build();
        CandidatePool pool = new CandidatePool(teacher, 8);
        for (int i = 0; i < 100; i++) {
            int slot = pool.slotOf("item-" + i);
            pool.neighbour[slot] = 1.0;
        }
        pool.slotOf("gone");
        pool.reset(teacher);
        assertEquals(0, pool.size());
        int slot = pool.slotOf("item-57");
        assertEquals(0, slot);
        assertEquals(0.0, pool.neighbour[slot]);
        assertEquals(-1, pool.neighbourOf[slot]);
        assertEquals(1, pool.slotOf("gone"));
        assertEquals(2, pool.slotOf("item-3"));
        assertEquals(0, pool.slotOf("item-57"));
    }
}
