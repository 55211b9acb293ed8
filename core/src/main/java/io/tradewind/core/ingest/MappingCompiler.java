package io.tradewind.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradewind.core.event.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Checks a {@link MappingFile} and compiles it, failing on the first problem with its JSON path. */
final class MappingCompiler {
    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final String origin;

    private MappingCompiler(String origin) {
        this.origin = origin;
    }

    static SourceMapping compile(MappingFile file, String origin) {
        return new MappingCompiler(origin).compile(file);
    }

    private SourceMapping compile(MappingFile file) {
        if (file.source() == null || !SOURCE_NAME.matcher(file.source()).matches()) {
            throw problem("source", "must be a lower-case name like 'online-retail', got "
                    + (file.source() == null ? "nothing" : "'" + file.source() + "'"));
        }
        MappingFile.Csv csv = file.csv() == null ? new MappingFile.Csv(null, null, null) : file.csv();
        List<RowRule> rules = new ArrayList<>();
        List<MappingFile.Rule> declared = file.rules() == null ? List.of() : file.rules();
        for (int i = 0; i < declared.size(); i++) {
            rules.add(rule(declared.get(i), "rules[" + i + "]"));
        }
        Map<EventField, ValueExpression> fields = fields(file.fields());
        TimeFormat time = timeFormat(file.fields().get(EventField.TIMESTAMP.jsonName));
        return new SourceMapping(file.source(), origin, file.description(), delimiter(csv), columns(csv),
                List.copyOf(rules), Collections.unmodifiableMap(fields), time);
    }

    private char delimiter(MappingFile.Csv csv) {
        if (csv.delimiter() == null) {
            return ',';
        }
        String d = csv.delimiter().equals("\\t") ? "\t" : csv.delimiter();
        if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
            throw problem("csv.delimiter", "must be one character other than a quote or line break, got '"
                    + csv.delimiter() + "'");
        }
        return d.charAt(0);
    }

    /** Null when the input has a header line (the default). */
    private List<String> columns(MappingFile.Csv csv) {
        boolean header = csv.header() == null || csv.header();
        if (header) {
            if (csv.columns() != null) {
                throw problem("csv.columns", "only for inputs without a header line: set csv.header to false");
            }
            return null;
        }
        if (csv.columns() == null || csv.columns().isEmpty()) {
            throw problem("csv.columns", "inputs without a header line need their column names listed");
        }
        if (new HashSet<>(csv.columns()).size() != csv.columns().size()) {
            throw problem("csv.columns", "names a column twice: " + csv.columns());
        }
        return List.copyOf(csv.columns());
    }

    private RowRule rule(MappingFile.Rule rule, String path) {
        if (rule.reason() == null || rule.reason().isBlank()) {
            throw problem(path + ".reason", "is required: it is what the import summary counts");
        }
        RowRule.Action action = switch (String.valueOf(rule.action())) {
            case "skip" -> RowRule.Action.SKIP;
            case "reject" -> RowRule.Action.REJECT;
            default -> throw problem(path + ".action", "must be 'skip' or 'reject', got '" + rule.action() + "'");
        };
        return new RowRule(condition(rule.when(), path + ".when"), action, rule.reason().trim());
    }

    private RowCondition condition(MappingFile.Condition c, String path) {
        if (c == null) {
            throw problem(path, "is required");
        }
        if (c.column() == null || c.column().isBlank()) {
            throw problem(path + ".column", "is required");
        }
        long operators = Stream.of(c.empty(), c.equalTo(), c.in(), c.startsWith(), c.matches())
                .filter(Objects::nonNull).count();
        if (operators != 1) {
            throw problem(path, "needs exactly one of empty, equals, in, startsWith, matches; found " + operators);
        }
        String col = c.column();
        if (c.empty() != null) {
            boolean wantEmpty = c.empty();
            return new RowCondition(col, v -> v.isEmpty() == wantEmpty, col + (wantEmpty ? " is empty" : " is not empty"));
        }
        if (c.equalTo() != null) {
            String expected = c.equalTo();
            return new RowCondition(col, expected::equals, col + " equals '" + expected + "'");
        }
        if (c.in() != null) {
            Set<String> allowed = Set.copyOf(c.in());
            return new RowCondition(col, allowed::contains, col + " in " + c.in());
        }
        if (c.startsWith() != null) {
            String prefix = c.startsWith();
            return new RowCondition(col, v -> v.startsWith(prefix), col + " starts with '" + prefix + "'");
        }
        try {
            Pattern regex = Pattern.compile(c.matches());
            return new RowCondition(col, v -> regex.matcher(v).matches(), col + " matches /" + c.matches() + "/");
        } catch (PatternSyntaxException e) {
            throw problem(path + ".matches", "is not a valid regular expression: " + e.getDescription());
        }
    }

    private Map<EventField, ValueExpression> fields(Map<String, MappingFile.Field> declared) {
        if (declared == null) {
            throw problem("fields", "is required");
        }
        Map<EventField, ValueExpression> fields = new EnumMap<>(EventField.class);
        for (Map.Entry<String, MappingFile.Field> entry : declared.entrySet()) {
            String name = entry.getKey();
            EventField field = EventField.byName(name).orElseThrow(() -> problem("fields." + name,
                    "is not an event field" + (name.equals("eventId") || name.equals("source")
                            ? " a mapping may set (" + name + " is derived by the importer)"
                            : " (known: " + EventField.names() + ")")));
            if (entry.getValue() == null) {
                continue; // declared null: the source is known not to have it
            }
            ValueExpression expression = expression(entry.getValue(), "fields." + name);
            if (field == EventField.TYPE) {
                checkTypeConstants(entry.getValue(), "fields.type");
            }
            fields.put(field, expression);
        }
        for (EventField field : EventField.values()) {
            if (field.required && !fields.containsKey(field)) {
                throw problem("fields." + field.jsonName, "is required in every mapping");
            }
        }
        return fields;
    }

    private ValueExpression expression(MappingFile.Field f, String path) {
        long kinds = Stream.of(f.column(), f.constant(), f.template(), f.cases()).filter(Objects::nonNull).count();
        if (kinds != 1) {
            throw problem(path, "needs exactly one of column, constant, template, cases; found " + kinds);
        }
        if (f.time() != null && !path.equals("fields." + EventField.TIMESTAMP.jsonName)) {
            throw problem(path + ".time", "only the timestamp field itself has a time format");
        }
        if (f.otherwise() != null && f.cases() == null) {
            throw problem(path + ".otherwise", "only goes with cases");
        }
        ValueExpression base;
        if (f.column() != null) {
            base = new ValueExpression.Column(f.column());
        } else if (f.constant() != null) {
            return constant(f, path);
        } else if (f.template() != null) {
            ValueExpression.Template template = ValueExpression.Template.parse(f.template());
            if (template.columns().isEmpty()) {
                throw problem(path + ".template", "names no column in {braces}; use constant for fixed text");
            }
            base = template;
        } else {
            base = cases(f, path);
        }
        List<ValueTransform> transforms = transforms(f.transforms(), path + ".transforms");
        return transforms.isEmpty() && f.map() == null
                ? base
                : new ValueExpression.Normalised(base, transforms, f.map() == null ? null : copyOf(f.map()));
    }

    private ValueExpression constant(MappingFile.Field f, String path) {
        if (f.transforms() != null || f.map() != null) {
            throw problem(path, "a constant takes no transforms or map");
        }
        JsonNode node = f.constant();
        if (node.isNull()) {
            return new ValueExpression.Constant(null);
        }
        if (!node.isValueNode()) {
            throw problem(path + ".constant", "must be text, a number or null");
        }
        return new ValueExpression.Constant(node.asText());
    }

    private ValueExpression cases(MappingFile.Field f, String path) {
        if (f.cases().isEmpty()) {
            throw problem(path + ".cases", "is empty");
        }
        List<RowCondition> conditions = new ArrayList<>();
        List<ValueExpression> values = new ArrayList<>();
        for (int i = 0; i < f.cases().size(); i++) {
            MappingFile.Case c = f.cases().get(i);
            String casePath = path + ".cases[" + i + "]";
            conditions.add(condition(c.when(), casePath + ".when"));
            if (c.then() == null) {
                throw problem(casePath + ".then", "is required");
            }
            values.add(expression(c.then(), casePath + ".then"));
        }
        ValueExpression otherwise = f.otherwise() == null ? null : expression(f.otherwise(), path + ".otherwise");
        return new ValueExpression.Cases(List.copyOf(conditions), List.copyOf(values), otherwise);
    }

    private List<ValueTransform> transforms(List<String> names, String path) {
        if (names == null) {
            return List.of();
        }
        return names.stream().map(n -> ValueTransform.byName(n).orElseThrow(() -> problem(path,
                "unknown transform '" + n + "' (known: " + ValueTransform.names() + ")"))).toList();
    }

    /** Every literal a type can take must be an event type, so a typo fails now rather than on each row. */
    private void checkTypeConstants(MappingFile.Field f, String path) {
        List<String> literals = new ArrayList<>();
        collectTypeLiterals(f, literals);
        for (String literal : literals) {
            if (literal != null && EventType.parse(literal).isEmpty()) {
                throw problem(path, "'" + literal + "' is not an event type (known: "
                        + Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    private static void collectTypeLiterals(MappingFile.Field f, List<String> literals) {
        if (f == null) {
            return;
        }
        if (f.map() != null) {
            literals.addAll(f.map().values());
        } else if (f.constant() != null && !f.constant().isNull()) {
            literals.add(f.constant().asText());
        }
        if (f.cases() != null) {
            f.cases().forEach(c -> collectTypeLiterals(c.then(), literals));
            collectTypeLiterals(f.otherwise(), literals);
        }
    }

    private TimeFormat timeFormat(MappingFile.Field timestamp) {
        if (timestamp.time() == null) {
            throw problem("fields.timestamp.time", "is required: say how the source writes time, e.g. "
                    + "{\"format\": \"epoch-seconds\"} or {\"format\": \"yyyy-MM-dd HH:mm:ss\", \"zone\": \"UTC\"}");
        }
        try {
            return TimeFormat.of(timestamp.time().format(), timestamp.time().zone());
        } catch (IllegalArgumentException e) {
            throw problem("fields.timestamp.time", e.getMessage());
        }
    }

    /** Map.copyOf rejects null values, but a key mapped to null means "this source code means absent". */
    private static Map<String, String> copyOf(Map<String, String> map) {
        return Collections.unmodifiableMap(new HashMap<>(map));
    }

    private MappingException problem(String path, String message) {
        return new MappingException("mapping " + origin + ": " + path + " " + message);
    }
}
