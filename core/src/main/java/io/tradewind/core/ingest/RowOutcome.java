package io.tradewind.core.ingest;

import io.tradewind.core.event.BehaviourEvent;

/** What became of one CSV row: an event, a skip by policy, or a reject because the data is broken. */
public sealed interface RowOutcome {

    record Mapped(BehaviourEvent event) implements RowOutcome {
    }

    /** {@code reason} is the mapping rule's reason; it is also the key summaries count by. */
    record Skipped(String reason) implements RowOutcome {
    }

    /**
     * {@code reason} is a short key to count by (a rule's reason, {@code invalid <field>} or {@code malformed
     * row}); {@code detail} says what exactly is wrong with this row, for the rejects file.
     */
    record Rejected(String reason, String detail) implements RowOutcome {
    }
}
