package io.tradewind.infra.cli;

import io.tradewind.contracts.config.ValueType;
import java.time.Duration;
import picocli.CommandLine;

/** A command-line duration written as in the configuration file: {@code 90s}, {@code 10m}, {@code 1h}, {@code PT10S}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return ValueType.duration(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
