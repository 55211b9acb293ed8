package io.tradewind.infra.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of a Dockerfile, as much of its syntax as Tradewind's uses: comments, lines continued with a
 * backslash, {@code ARG} defaults substituted ({@code ${NAME}}, {@code $NAME}) into the instructions after them,
 * exec-form (JSON array) and shell-form arguments, {@code KEY=VALUE} pairs with double-quoted values.
 */
record Dockerfile(List<Instruction> instructions) {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

    /** One instruction: its keyword in capitals and its arguments with the {@code ARG}s before it substituted. */
    record Instruction(String keyword, String arguments) {
        /** The words of an exec-form ({@code ["a", "b"]}) or shell-form argument list, flags included. */
        List<String> words() {
            String text = arguments.strip();
            if (text.startsWith("[")) {
                List<String> words = new ArrayList<>();
                Matcher quoted = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
                while (quoted.find()) {
                    words.add(quoted.group(1));
                }
                return words;
            }
            return List.of(text.split("\\s+"));
        }

        /** The {@code KEY=VALUE} pairs of an {@code ENV}, {@code ARG} or {@code LABEL}; a value may be double-quoted. */
        Map<String, String> pairs() {
            Map<String, String> pairs = new LinkedHashMap<>();
            Matcher pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S*)").matcher(arguments);
            while (pair.find()) {
                String value = pair.group(2);
                pairs.put(pair.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
            }
            return pairs;
        }
    }

    static Dockerfile parse(Path file) throws IOException {
        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
            } else {
                logical.add(current.append(stripped).toString());
                current.setLength(0);
            }
        }
        Map<String, String> args = new LinkedHashMap<>();
        List<Instruction> instructions = new ArrayList<>();
        for (String line : logical) {
            String[] parts = line.split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(Locale.ROOT),
                    substitute(parts.length > 1 ? parts[1] : "", args));
            if (instruction.keyword().equals("ARG")) {
                args.putAll(instruction.pairs());
            }
            instructions.add(instruction);
        }
        return new Dockerfile(instructions);
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The last instruction with this keyword: the one in force for FROM's stage, USER, ENTRYPOINT and CMD. */
    Optional<Instruction> last(String keyword) {
        List<Instruction> all = all(keyword);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static String substitute(String text, Map<String, String> args) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1) != null ? variable.group(1) : variable.group(2);
            variable.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(name, variable.group())));
        }
        return variable.appendTail(out).toString();
    }
}
