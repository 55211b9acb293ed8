package io.tradewind.serving.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins under names that have no account, counted like an account's (growing wait, then a lock), so an
 * unknown name answers exactly as a real one would. Kept in this instance's memory, bounded (the least recently
 * failed names drop first): it only has to mirror the real accounts' behaviour, not protect anything.
 */
final class UnknownNameFailures {
    private record Entry(int failures, long lockedUntil) {
    }

    private final Map<String, Entry> byName;

    UnknownNameFailures(int capacity) {
        this.byName = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Epoch millis until which the name is "locked"; 0 when not. */
    synchronized long lockedUntil(String name, long now) {
        Entry e = byName.get(name);
        if (e == null || e.lockedUntil() == 0) {
            return 0;
        }
        if (e.lockedUntil() <= now) {
            byName.remove(name); // the lock ran out: a fresh count, as for an account
            return 0;
        }
        return e.lockedUntil();
    }

    /** Counts one failure; returns the failures in a row (locking at {@code maxFailures}). */
    synchronized int fail(String name, long now, int maxFailures, long lockoutMillis) {
        Entry e = byName.getOrDefault(name, new Entry(0, 0));
        int failures = e.failures() + 1;
        byName.put(name, failures >= maxFailures ? new Entry(0, now + lockoutMillis) : new Entry(failures, 0));
        return failures;
    }
}
