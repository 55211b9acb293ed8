package io.tradewind.core.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopSlotsTest {

    @Test
    void keepsTheSameFirstItemsAsAFullSortIncludingTies() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int m = random.nextInt(0, 300);
            int n = random.nextInt(0, 40);
            int[] score = random.ints(m, 0, 20).toArray(); // many ties: the slot number decides them
            TopSlots.Order order = (a, b) -> score[a] != score[b] ? Integer.compare(score[b], score[a]) : Integer.compare(a, b);
            TopSlots top = new TopSlots(n, order);
            int[] offered = IntStream.range(0, m).toArray();
            for (int k = m - 1; k > 0; k--) { // shuffled: the heap must not rely on the offering order
                int j = random.nextInt(k + 1);
                int t = offered[k];
                offered[k] = offered[j];
                offered[j] = t;
            }
            for (int slot : offered) {
                top.offer(slot);
            }
            int[] expected = IntStream.range(0, m).boxed().sorted(order::compare).limit(n).mapToInt(Integer::intValue)
                    .toArray();
            assertArrayEquals(expected, top.drainBestFirst(), "trial " + trial);
        }
    }
}
