package io.tradewind.core.ingest;

import java.util.function.Predicate;

/** A compiled {@code when}: one test on one column's trimmed value. */
record RowCondition(String column, Predicate<String> test, String description) {

    boolean holds(Row row) {
        return test.test(row.get(column));
    }

    @Override
    public String toString() {
        return description;
    }
}
