package io.tradewind.core.incremental;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The candidates of one {@link IncrementalModel#recommend} call and their score parts, in parallel primitive
 * arrays ("slots"). Items the teacher knows are found by their index in an open-addressing table, so building
 * a pool of a few thousand candidates hashes no strings and boxes nothing: the call runs once per event in
 * the speed layer. Items the teacher does not know (first seen after the batch cut-off) are rare and keyed by id.
 *
 * <p>A pool is reused from call to call ({@link #reset}): allocating and clearing arrays for a few thousand slots
 * per event cost more than filling them. Not thread-safe: one pool per thread.
 */
final class CandidatePool {
    private static final int EMPTY = -1;

    private Teacher teacher;
    /** Open addressing: teacher item index → slot, linear probing, capacity a power of two. */
    private int[] tableKeys;
    private int[] tableSlots;
    /** Where each slot's key sits in the table, so a reset clears only what was used. */
    private int[] tablePosition = new int[0];
    private final Map<String, Integer> unknownSlots = new HashMap<>();

    private int size;
    int[] index = new int[0];
    String[] unknownId = new String[0];
    int[] buyers = new int[0];
    double[] cf = new double[0];
    double[] own = new double[0];
    double[] neighbour = new double[0];
    double[] trending = new double[0];
    double[] strongestNeighbour = new double[0];
    /** Teacher index of the source item the strongest neighbour contribution came from, or -1. */
    int[] neighbourOf = new int[0];
    /** For the user's own items: the latest interaction and the order it was added in (neighbour sources). */
    long[] sourceLast = new long[0];
    int[] sourceOrder = new int[0];
    double[] score = new double[0];

    CandidatePool(Teacher teacher, int expected) {
        this.teacher = teacher;
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        tableKeys = new int[capacity];
        Arrays.fill(tableKeys, EMPTY);
        tableSlots = new int[capacity];
        resizeSlots(Math.max(16, expected));
    }

    /** Empties the pool for a new call, keeping its arrays. */
    CandidatePool reset(Teacher forTeacher) {
        for (int slot = 0; slot < size; slot++) {
            if (index[slot] >= 0) {
                tableKeys[tablePosition[slot]] = EMPTY;
            }
        }
        size = 0;
        unknownSlots.clear();
        teacher = forTeacher;
        return this;
    }

    int size() {
        return size;
    }

    /** The slot of a teacher item, added with zero parts when new. May replace the part arrays: read them after. */
    int slotOf(int item) {
        int mask = tableKeys.length - 1;
        int h = mix(item) & mask;
        while (tableKeys[h] != EMPTY) {
            if (tableKeys[h] == item) {
                return tableSlots[h];
            }
            h = (h + 1) & mask;
        }
        int slot = newSlot(item, null, teacher.buyers(item));
        tableKeys[h] = item;
        tableSlots[h] = slot;
        tablePosition[slot] = h;
        if (2 * size > tableKeys.length) {
            rehash();
        }
        return slot;
    }

    /** The slot of an item by id, whether or not the teacher knows it. */
    int slotOf(String itemId) {
        int item = teacher.itemIndex(itemId);
        if (item >= 0) {
            return slotOf(item);
        }
        Integer slot = unknownSlots.get(itemId);
        if (slot == null) {
            slot = newSlot(-1, itemId, 0);
            unknownSlots.put(itemId, slot);
        }
        return slot;
    }

    String itemId(int slot) {
        return index[slot] >= 0 ? teacher.itemId(index[slot]) : unknownId[slot];
    }

    private int newSlot(int item, String id, int itemBuyers) {
        if (size == index.length) {
            resizeSlots(2 * index.length);
        }
        int slot = size++;
        index[slot] = item;
        unknownId[slot] = id;
        buyers[slot] = itemBuyers;
        cf[slot] = 0;
        own[slot] = 0;
        neighbour[slot] = 0;
        trending[slot] = 0;
        strongestNeighbour[slot] = 0;
        score[slot] = 0;
        neighbourOf[slot] = -1;
        sourceLast[slot] = Long.MIN_VALUE;
        sourceOrder[slot] = -1;
        return slot;
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void rehash() {
        int[] oldKeys = tableKeys;
        int[] oldSlots = tableSlots;
        tableKeys = new int[oldKeys.length * 2];
        Arrays.fill(tableKeys, EMPTY);
        tableSlots = new int[oldKeys.length * 2];
        int mask = tableKeys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldKeys[k] != EMPTY) {
                int h = mix(oldKeys[k]) & mask;
                while (tableKeys[h] != EMPTY) {
                    h = (h + 1) & mask;
                }
                tableKeys[h] = oldKeys[k];
                tableSlots[h] = oldSlots[k];
                tablePosition[oldSlots[k]] = h;
            }
        }
    }

    /** Copies every part array into arrays of {@code capacity} slots (from empty ones at construction). */
    private void resizeSlots(int capacity) {
        index = Arrays.copyOf(index, capacity);
        tablePosition = Arrays.copyOf(tablePosition, capacity);
        unknownId = Arrays.copyOf(unknownId, capacity);
        buyers = Arrays.copyOf(buyers, capacity);
        cf = Arrays.copyOf(cf, capacity);
        own = Arrays.copyOf(own, capacity);
        neighbour = Arrays.copyOf(neighbour, capacity);
        trending = Arrays.copyOf(trending, capacity);
        strongestNeighbour = Arrays.copyOf(strongestNeighbour, capacity);
        neighbourOf = Arrays.copyOf(neighbourOf, capacity);
        sourceLast = Arrays.copyOf(sourceLast, capacity);
        sourceOrder = Arrays.copyOf(sourceOrder, capacity);
        score = Arrays.copyOf(score, capacity);
    }
}
