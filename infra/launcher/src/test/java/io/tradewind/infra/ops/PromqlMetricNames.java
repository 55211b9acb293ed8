package io.tradewind.infra.ops;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: what is left once strings, label matchers, ranges, grouping clauses,
 * Grafana variables, numbers, function calls and keywords are taken out. Enough for the dashboard's expressions; a
 * construct it does not know shows up as an unknown "metric", so the check fails loudly rather than passes.
 */
final class PromqlMetricNames {
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?[0-9a-z]+");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_]\\w*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "atan2", "inf", "nan", "Inf", "NaN");

    private PromqlMetricNames() {
    }

    static Set<String> of(String expr) {
        String rest = STRING.matcher(expr).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        rest = OFFSET.matcher(rest).replaceAll(" ");
        rest = VARIABLE.matcher(rest).replaceAll(" ");
        rest = rest.replaceAll("\\b\\d+(\\.\\d+)?([eE][+-]?\\d+)?\\b", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            boolean call = m.group(1) != null;
            String word = m.group().replaceAll("\\s*\\($", "");
            if (!call && !KEYWORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }
}
