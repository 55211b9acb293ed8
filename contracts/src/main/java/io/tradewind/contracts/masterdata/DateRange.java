package io.tradewind.contracts.masterdata;

import java.time.LocalDate;
import java.util.Objects;

/** Event dates from {@code first} to {@code last}, both included (UTC dates, like the partitions). */
public record DateRange(LocalDate first, LocalDate last) {
    private static final DateRange ALL = new DateRange(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));

    public DateRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("date range ends (" + last + ") before it starts (" + first + ")");
        }
    }

    public static DateRange all() {
        return ALL;
    }

    public static DateRange day(LocalDate day) {
        return new DateRange(day, day);
    }

    /** Dates from {@code first} up to but excluding {@code end}: the usual shape of a train/test split. */
    public static DateRange before(LocalDate first, LocalDate end) {
        return new DateRange(first, end.minusDays(1));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }
}
