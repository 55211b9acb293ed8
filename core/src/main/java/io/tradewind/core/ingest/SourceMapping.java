package io.tradewind.core.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A checked, compiled mapping from one source's CSV layout to behaviour events. Load it with
 * {@link SourceMappings}; bind it to an input's header with {@link #bind} (or let {@link CsvEventReader} do it).
 */
public final class SourceMapping {
    private final String name;
    private final String origin;
    private final String description;
    private final char delimiter;
    private final List<String> declaredColumns;
    private final List<RowRule> rules;
    private final Map<EventField, ValueExpression> fields;
    private final TimeFormat timeFormat;

    SourceMapping(String name, String origin, String description, char delimiter, List<String> declaredColumns,
            List<RowRule> rules, Map<EventField, ValueExpression> fields, TimeFormat timeFormat) {
        this.name = name;
        this.origin = origin;
        this.description = description;
        this.delimiter = delimiter;
        this.declaredColumns = declaredColumns;
        this.rules = rules;
        this.fields = fields;
        this.timeFormat = timeFormat;
    }

    /** The source name; written into every event's {@code source} field and part of every event id. */
    public String name() {
        return name;
    }

    /** Where the mapping was loaded from (a classpath resource or a file), for messages. */
    public String origin() {
        return origin;
    }

    public String description() {
        return description;
    }

    public char delimiter() {
        return delimiter;
    }

    /** True when the input's first line names the columns; otherwise the mapping's {@code csv.columns} do. */
    public boolean inputHasHeader() {
        return declaredColumns == null;
    }

    /** The columns of header-less inputs as the mapping declares them; empty when inputs have a header. */
    public List<String> declaredColumns() {
        return declaredColumns == null ? List.of() : declaredColumns;
    }

    /** Every column the mapping reads. */
    public Set<String> referencedColumns() {
        Set<String> columns = new TreeSet<>();
        rules.forEach(r -> columns.add(r.when().column()));
        fields.values().forEach(e -> columns.addAll(e.columns()));
        return columns;
    }

    /**
     * Checks that the header has every column the mapping reads and returns a mapper for the input's rows.
     *
     * @throws MappingException naming the missing or ambiguous column and the input
     */
    public RowMapper bind(List<String> header, String inputName) {
        Map<String, Integer> index = new HashMap<>();
        List<String> duplicated = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (index.putIfAbsent(header.get(i).trim(), i) != null) {
                duplicated.add(header.get(i).trim());
            }
        }
        for (String column : referencedColumns()) {
            if (!index.containsKey(column)) {
                throw new MappingException(inputName + ", line 1, column '" + column + "': mapping '" + name
                        + "' reads this column, which is not in the " + (declaredColumns == null ? "header " : "declared columns ")
                        + header + similarName(column, index.keySet()) + delimiterHint(header));
            }
            if (duplicated.contains(column)) {
                throw new MappingException("mapping '" + name + "' reads column '" + column + "', which appears "
                        + "more than once in the header of " + inputName);
            }
        }
        return new RowMapper(this, index, header.size());
    }

    List<RowRule> rules() {
        return rules;
    }

    Map<EventField, ValueExpression> fields() {
        return fields;
    }

    TimeFormat timeFormat() {
        return timeFormat;
    }

    /** A header that did not split usually means the file uses another delimiter than the mapping says. */
    private String delimiterHint(List<String> header) {
        if (header.size() != 1) {
            return "";
        }
        for (char candidate : new char[] {'\t', ',', ';', '|'}) {
            if (candidate != delimiter && header.get(0).indexOf(candidate) >= 0) {
                return " (the line did not split on the delimiter " + printable(delimiter) + "; it contains "
                        + printable(candidate) + ": set csv.delimiter)";
            }
        }
        return " (the line did not split on the delimiter " + printable(delimiter) + ")";
    }

    private static String printable(char c) {
        return c == '\t' ? "'\\t' (tab)" : "'" + c + "'";
    }

    private static String similarName(String column, Set<String> header) {
        for (String candidate : header) {
            if (candidate.toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) {
                return " (did you mean '" + candidate + "'? names are case-sensitive)";
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return "SourceMapping[" + name + " from " + origin + "]";
    }
}
