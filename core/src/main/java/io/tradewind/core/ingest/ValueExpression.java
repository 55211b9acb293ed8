package io.tradewind.core.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A compiled field spec: computes one field's text from a row; {@code null} means the value is absent. */
sealed interface ValueExpression {

    String evaluate(Row row) throws RowProblem;

    /** Columns the expression reads, checked against the input's header before any row is mapped. */
    Set<String> columns();

    record Column(String column) implements ValueExpression {
        @Override
        public String evaluate(Row row) {
            String value = row.get(column);
            return value.isEmpty() ? null : value;
        }

        @Override
        public Set<String> columns() {
            return Set.of(column);
        }
    }

    record Constant(String value) implements ValueExpression {
        @Override
        public String evaluate(Row row) {
            return value;
        }

        @Override
        public Set<String> columns() {
            return Set.of();
        }
    }

    /** {@code "{a}-{b}"}: joins columns; absent when any of them is empty, so a half-built id never appears. */
    record Template(String template, List<String> parts) implements ValueExpression {
        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

        /** Splits the template into alternating literal and column parts (even index = literal). */
        static Template parse(String template) {
            List<String> parts = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(template);
            int end = 0;
            while (m.find()) {
                parts.add(template.substring(end, m.start()));
                parts.add(m.group(1));
                end = m.end();
            }
            parts.add(template.substring(end));
            return new Template(template, List.copyOf(parts));
        }

        @Override
        public String evaluate(Row row) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                if (i % 2 == 0) {
                    out.append(parts.get(i));
                } else {
                    String value = row.get(parts.get(i));
                    if (value.isEmpty()) {
                        return null;
                    }
                    out.append(value);
                }
            }
            return out.toString();
        }

        @Override
        public Set<String> columns() {
            Set<String> columns = new HashSet<>();
            for (int i = 1; i < parts.size(); i += 2) {
                columns.add(parts.get(i));
            }
            return columns;
        }
    }

    /** First case whose condition holds gives the value; {@code otherwise} (maybe null) when none does. */
    record Cases(List<RowCondition> conditions, List<ValueExpression> values, ValueExpression otherwise)
            implements ValueExpression {
        @Override
        public String evaluate(Row row) throws RowProblem {
            for (int i = 0; i < conditions.size(); i++) {
                if (conditions.get(i).holds(row)) {
                    return values.get(i).evaluate(row);
                }
            }
            return otherwise == null ? null : otherwise.evaluate(row);
        }

        @Override
        public Set<String> columns() {
            Set<String> columns = new HashSet<>();
            conditions.forEach(c -> columns.add(c.column()));
            values.forEach(v -> columns.addAll(v.columns()));
            if (otherwise != null) {
                columns.addAll(otherwise.columns());
            }
            return columns;
        }
    }

    /** Transforms, then the value map; an absent value stays absent. */
    record Normalised(ValueExpression inner, List<ValueTransform> transforms, Map<String, String> valueMap)
            implements ValueExpression {
        @Override
        public String evaluate(Row row) throws RowProblem {
            String value = inner.evaluate(row);
            if (value == null) {
                return null;
            }
            for (ValueTransform t : transforms) {
                value = t.apply(value);
            }
            if (valueMap == null) {
                return value;
            }
            if (!valueMap.containsKey(value)) {
                throw new RowProblem("'" + value + "' is not in the value map " + valueMap.keySet());
            }
            return valueMap.get(value); // a key mapped to null marks a value known to mean "absent"
        }

        @Override
        public Set<String> columns() {
            return inner.columns();
        }
    }
}
