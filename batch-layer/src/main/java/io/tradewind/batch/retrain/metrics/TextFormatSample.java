package io.tradewind.batch.retrain.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample line of Prometheus's text exposition format ({@code name{label="value",…} value}), read and written with
 * the format's escapes ({@code \\}, {@code \"}, {@code \n} in label values), so the metrics file can be read back.
 * Public so tests can read any component's scrape with the same reader.
 */
public record TextFormatSample(String name, Map<String, String> labels, double value) {
    private static final String NAME_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_:";
    private static final String NAME_PART = NAME_START + "0123456789";

    public TextFormatSample {
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    TextFormatSample(String name, double value) {
        this(name, Map.of(), value);
    }

    String line() {
        StringBuilder out = new StringBuilder(name);
        if (!labels.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            labels.forEach((k, v) -> pairs.add(k + "=\"" + escape(v) + "\""));
            out.append('{').append(String.join(",", pairs)).append('}');
        }
        return out.append(' ').append(number(value)).toString();
    }

    /** The samples of a whole exposition ({@code # HELP}/{@code # TYPE} comments and blank lines skipped). */
    public static java.util.List<TextFormatSample> parseAll(String text) {
        return text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(TextFormatSample::parse).toList();
    }

    /** Parses one sample line; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static TextFormatSample parse(String line) {
        try {
            return parseWhole(line);
        } catch (IndexOutOfBoundsException cutOff) {
            throw new IllegalArgumentException("a sample cut off: " + line);
        }
    }

    private static TextFormatSample parseWhole(String line) {
        int i = 0;
        if (line.isEmpty() || NAME_START.indexOf(line.charAt(0)) < 0) {
            throw new IllegalArgumentException("not a metric sample: " + line);
        }
        while (i < line.length() && NAME_PART.indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf("=\"", i);
                if (eq < 0) {
                    throw new IllegalArgumentException("a label without a quoted value: " + line);
                }
                String label = line.substring(i, eq).trim();
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                labels.put(label, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        String[] rest = line.substring(i).trim().split("\\s+");
        if (rest.length < 1 || rest[0].isEmpty()) {
            throw new IllegalArgumentException("a sample without a value: " + line);
        }
        return new TextFormatSample(name, labels, parseNumber(rest[0], line));
    }

    private static double parseNumber(String text, String line) {
        switch (text) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number: '" + text + "' in " + line);
                }
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Whole numbers without a fraction, others in plain decimal notation (no exponent), as people read them. */
    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
