package io.tradewind.core.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/** Turns a source's time text into epoch milliseconds UTC. Built once per mapping; checked when built. */
abstract class TimeFormat {
    static final String EPOCH_SECONDS = "epoch-seconds";
    static final String EPOCH_MILLIS = "epoch-millis";
    static final String ISO_8601 = "iso-8601";

    abstract long toEpochMillis(String text) throws RowProblem;

    /**
     * @param format epoch-seconds, epoch-millis, iso-8601 (offset in the text, else {@code zone}) or a java.time
     *               pattern such as {@code yyyy-MM-dd HH:mm:ss}, which needs {@code zone}
     * @throws IllegalArgumentException with a message fit for a {@link MappingException}
     */
    static TimeFormat of(String format, String zone) {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("time.format is missing (epoch-seconds, epoch-millis, iso-8601 or a "
                    + "java.time pattern like yyyy-MM-dd HH:mm:ss)");
        }
        ZoneId zoneId = zone == null ? null : zone(zone);
        return switch (format) {
            case EPOCH_SECONDS -> new Epoch(1000L);
            case EPOCH_MILLIS -> new Epoch(1L);
            case ISO_8601 -> new Pattern(DateTimeFormatter.ISO_DATE_TIME, format, zoneId);
            default -> {
                if (zoneId == null) {
                    throw new IllegalArgumentException("time format '" + format + "' has no zone: set time.zone "
                            + "(e.g. UTC) so that local times are not shifted by the machine's zone");
                }
                yield Pattern.checked(format, zoneId);
            }
        };
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time.zone '" + zone + "' is not a zone id (e.g. UTC, Europe/London)");
        }
    }

    private static final class Epoch extends TimeFormat {
        private final long millisPerUnit;

        Epoch(long millisPerUnit) {
            this.millisPerUnit = millisPerUnit;
        }

        /** Whole or fractional ({@code 1396437466.94}); sub-millisecond digits are dropped towards the past. */
        @Override
        long toEpochMillis(String text) throws RowProblem {
            try {
                if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                    return Math.multiplyExact(Long.parseLong(text), millisPerUnit); // the common case, no BigDecimal
                }
                return new BigDecimal(text).multiply(BigDecimal.valueOf(millisPerUnit))
                        .setScale(0, RoundingMode.FLOOR).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new RowProblem("'" + text + "' is not an epoch time in "
                        + (millisPerUnit == 1 ? "milliseconds" : "seconds"));
            }
        }
    }

    private static final class Pattern extends TimeFormat {
        private final DateTimeFormatter formatter;
        private final String label;
        private final ZoneId zone;

        Pattern(DateTimeFormatter formatter, String label, ZoneId zone) {
            // The override zone only applies when the text carries no offset of its own.
            this.formatter = zone == null ? formatter : formatter.withZone(zone);
            this.label = label;
            this.zone = zone;
        }

        /** Compiles a pattern strictly (no Feb 31) and proves it can carry a full date-time by a round trip. */
        static Pattern checked(String pattern, ZoneId zone) {
            DateTimeFormatter formatter;
            try {
                formatter = new DateTimeFormatterBuilder().appendPattern(pattern)
                        // 'yyyy' is year-of-era: strict resolving needs an era, and every export means AD.
                        .parseDefaulting(ChronoField.ERA, 1)
                        .toFormatter()
                        .withResolverStyle(ResolverStyle.STRICT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("time format '" + pattern + "' is not a valid java.time pattern: "
                        + e.getMessage());
            }
            Pattern compiled = new Pattern(formatter, pattern, zone);
            ZonedDateTime sample = ZonedDateTime.of(2011, 12, 9, 12, 0, 0, 0, zone);
            try {
                if (compiled.toEpochMillis(formatter.format(sample)) != sample.toInstant().toEpochMilli()) {
                    throw new RowProblem("round trip changed the time");
                }
            } catch (RowProblem | DateTimeException e) {
                throw new IllegalArgumentException("time format '" + pattern + "' cannot express a full date and "
                        + "time (formatting and parsing " + sample.toLocalDateTime() + " fails: " + e.getMessage() + ")");
            }
            return compiled;
        }

        @Override
        long toEpochMillis(String text) throws RowProblem {
            try {
                return Instant.from(formatter.parse(text)).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new RowProblem("'" + text + "' does not match time format '" + label + "'");
            } catch (DateTimeException e) {
                throw new RowProblem("'" + text + "' is not a complete time for format '" + label + "'"
                        + (zone == null ? " (no offset in the text and no time.zone)" : ""));
            }
        }
    }
}
