package io.tradewind.core.ingest;

/** A compiled rule: when the condition holds, the row is skipped or rejected with the rule's reason. */
record RowRule(RowCondition when, Action action, String reason) {

    enum Action {
        /** Not an event by policy (e.g. a row without a customer): counted, not written to the rejects file. */
        SKIP,
        /** Broken data: counted and written to the rejects file. */
        REJECT
    }
}
