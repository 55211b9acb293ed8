package io.tradewind.core.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Normalisations a mapping can apply to a non-empty value, in the order listed. */
enum ValueTransform {
    UPPER("upper") {
        @Override
        String apply(String value) {
            return value.toUpperCase(Locale.ROOT);
        }
    },
    LOWER("lower") {
        @Override
        String apply(String value) {
            return value.toLowerCase(Locale.ROOT);
        }
    },
    /** Ids exported as floats ({@code 17850.0}) become {@code 17850}; a real fraction is an error, not rounded. */
    INTEGER("integer") {
        @Override
        String apply(String value) throws RowProblem {
            BigDecimal number = decimal(value).stripTrailingZeros();
            if (number.scale() > 0) {
                throw new RowProblem("'" + value + "' is not a whole number");
            }
            return number.toPlainString();
        }
    },
    /** Drops a fraction towards zero ({@code 3.9 -> 3}, {@code -3.9 -> -3}), e.g. fractional ids or counts. */
    TRUNCATE("truncate") {
        @Override
        String apply(String value) throws RowProblem {
            return decimal(value).setScale(0, RoundingMode.DOWN).toPlainString();
        }
    },
    /** Nearest whole number, halves away from zero ({@code 2.5 -> 3}). */
    ROUND("round") {
        @Override
        String apply(String value) throws RowProblem {
            return decimal(value).setScale(0, RoundingMode.HALF_UP).toPlainString();
        }
    },
    /** Sign flip, for sources that book returns as negative quantities. */
    NEGATE("negate") {
        @Override
        String apply(String value) throws RowProblem {
            return decimal(value).negate().toPlainString();
        }
    },
    ABS("abs") {
        @Override
        String apply(String value) throws RowProblem {
            return decimal(value).abs().toPlainString();
        }
    };

    private final String jsonName;

    ValueTransform(String jsonName) {
        this.jsonName = jsonName;
    }

    abstract String apply(String value) throws RowProblem;

    static Optional<ValueTransform> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(t -> t.jsonName).collect(Collectors.joining(", "));
    }

    private static BigDecimal decimal(String value) throws RowProblem {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new RowProblem("'" + value + "' is not a number");
        }
    }
}
