package io.tradewind.infra.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user crontab read as cron reads it (Vixie cron / cronie, the crontab(5) format without a user field):
 * comments, {@code NAME=value} environment lines and job lines of five time fields and a command. Each time field is
 * checked against its range; in the command an unescaped {@code %} is an error (cron would end the command there and
 * feed the rest to its standard input), and {@code \%} becomes the {@code %} the shell sees.
 */
record ScheduleCrontab(Map<String, String> environment, List<Job> jobs) {

    /** One job line: its number in the file, its five time fields, and the command as the shell receives it. */
    record Job(int line, List<String> timeFields, String command) {
    }

    private static final Pattern ENVIRONMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)");
    private static final Pattern ITEM = Pattern.compile("(\\*|(\\d+)(?:-(\\d+))?)(?:/(\\d+))?");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

    private record Field(String name, int min, int max, List<String> names) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field("month", 1, 12, MONTHS),
            new Field("day of week", 0, 7, DAYS));

    /** Parses {@code text}; anything cron would refuse or run differently than written throws, naming the line. */
    static ScheduleCrontab parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the last line has no newline: cron ignores or refuses such a line");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        List<Job> jobs = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher variable = ENVIRONMENT.matcher(line);
            if (variable.matches()) {
                environment.put(variable.group(1), unquote(variable.group(2).strip()));
                continue;
            }
            if (line.startsWith("@")) {
                throw new IllegalArgumentException("line " + number + ": " + line.split("\\s+")[0]
                        + " instead of five time fields");
            }
            String[] parts = line.split("\\s+", 6);
            if (parts.length < 6) {
                throw new IllegalArgumentException("line " + number + ": five time fields and a command expected, got '"
                        + line + "'");
            }
            List<String> fields = List.of(parts[0], parts[1], parts[2], parts[3], parts[4]);
            checkTimeFields(fields, "line " + number);
            jobs.add(new Job(number, fields, command(parts[5], number)));
        }
        return new ScheduleCrontab(environment, jobs);
    }

    /** Checks five cron time fields (a crontab's, or a cron expression's such as a DAG schedule's). */
    static void checkTimeFields(List<String> fields, String where) {
        if (fields.size() != 5) {
            throw new IllegalArgumentException(where + ": five time fields expected, got " + fields.size() + ": " + fields);
        }
        for (int f = 0; f < 5; f++) {
            Field field = FIELDS.get(f);
            String value = fields.get(f);
            for (String item : value.split(",", -1)) {
                checkItem(field, item, where);
            }
        }
    }

    /** A cron expression's five fields, e.g. {@code "0 2 * * *"}. */
    static List<String> fieldsOf(String expression) {
        return List.of(expression.strip().split("\\s+"));
    }

    private static void checkItem(Field field, String item, String where) {
        String bad = where + ": " + field.name() + " '" + item + "'";
        int named = field.names().indexOf(item.toLowerCase(Locale.ROOT));
        if (named >= 0) {
            return; // a name stands alone (cron allows no ranges or steps of names)
        }
        Matcher m = ITEM.matcher(item);
        if (!m.matches()) {
            throw new IllegalArgumentException(bad + " is not *, a number, a range or a step");
        }
        if (m.group(2) != null) {
            int from = Integer.parseInt(m.group(2));
            int to = m.group(3) == null ? from : Integer.parseInt(m.group(3));
            if (from < field.min() || to > field.max()) {
                throw new IllegalArgumentException(bad + " is outside " + field.min() + "-" + field.max());
            }
            if (to < from) {
                throw new IllegalArgumentException(bad + " is a range that ends before it starts");
            }
        }
        if (m.group(4) != null && Integer.parseInt(m.group(4)) == 0) {
            throw new IllegalArgumentException(bad + " has a step of 0");
        }
    }

    /** The command as cron hands it to the shell: {@code \%} becomes {@code %}; an unescaped {@code %} is an error. */
    private static String command(String raw, int number) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == '%') {
                out.append('%');
                i++;
            } else if (c == '%') {
                throw new IllegalArgumentException("line " + number + ", column " + (i + 1)
                        + " of the command: unescaped % (cron ends the command there and feeds the rest to its "
                        + "standard input); write \\%");
            } else {
                out.append(c);
            }
        }
        if (out.toString().isBlank()) {
            throw new IllegalArgumentException("line " + number + ": no command");
        }
        return out.toString();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
