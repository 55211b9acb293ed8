package io.tradewind.batch.retrain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Parses {@code --as-of}: a date ({@code 2011-12-10}), a local date-time ({@code 2011-12-10T12:00:00}) or an
 * instant ({@code 2011-12-10T12:00:00Z}). Local values are read as UTC, the way importers store source times.
 */
public final class TimeArgument implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (value.endsWith("Z")) {
                return Instant.parse(value);
            }
            if (value.length() > 19) { // an offset follows the seconds: +01:00 or -05:00
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a time: use 2011-12-10, 2011-12-10T12:00:00, 2011-12-10T12:00:00Z or 2011-12-10T12:00:00-05:00");
        }
    }
}
