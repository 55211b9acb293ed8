package io.tradewind.infra.demo;

import io.tradewind.core.event.BehaviourEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Events to replay, in event-time order, with what to call them on the console.
 *
 * @param name   e.g. "Online Retail held back"
 * @param events in event-time order
 */
public record ReplaySlice(String name, List<BehaviourEvent> events) {
    public ReplaySlice {
        events = List.copyOf(events);
    }

    public Instant first() {
        return events.get(0).timestamp();
    }

    public Instant last() {
        return events.get(events.size() - 1).timestamp();
    }

    /** The events of one user, e.g. to say how many of theirs were replayed. */
    public long eventsOf(String user) {
        return events.stream().filter(e -> e.userId().equals(user)).count();
    }

    /**
     * The {@code n} users with the most events in the slice among those {@code eligible} (e.g. known to the batch
     * views), most active first, ties by id: whose lists change most visibly.
     */
    public List<String> mostActiveUsers(int n, Predicate<String> eligible) {
        Map<String, Long> counts = events.stream().map(BehaviourEvent::userId).filter(eligible)
                .collect(Collectors.groupingBy(u -> u, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }
}
