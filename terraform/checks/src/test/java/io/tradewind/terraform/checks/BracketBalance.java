package io.tradewind.terraform.checks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether every {, [ and ( is closed, outside strings, comments and heredocs. hcl4j's lexer accepts a file that
 * ends inside a block or a list (it closes them silently), which terraform refuses; this catches that.
 */
final class BracketBalance {

    private static final Pattern HEREDOC = Pattern.compile("<<-?([A-Za-z_][A-Za-z0-9_]*)\\s*$");

    private BracketBalance() {
    }

    /** The first problem ("line 3: '}' closes nothing"), or empty when balanced. */
    static Optional<String> check(String text) {
        Deque<int[]> open = new ArrayDeque<>(); // {character, line}
        String[] lines = text.split("\n", -1);
        String heredocEnd = null;
        boolean blockComment = false;
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1];
            if (heredocEnd != null) {
                if (line.trim().equals(heredocEnd)) {
                    heredocEnd = null;
                }
                continue;
            }
            boolean inString = false;
            int interpolationDepth = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (blockComment) {
                    if (c == '*' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                        blockComment = false;
                        i++;
                    }
                    continue;
                }
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '{') {
                        interpolationDepth++;
                        i++;
                    } else if (c == '}' && interpolationDepth > 0) {
                        interpolationDepth--;
                    } else if (c == '"' && interpolationDepth == 0) {
                        inString = false;
                    }
                    continue;
                }
                if (c == '"') {
                    inString = true;
                } else if (c == '#' || (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/')) {
                    break;
                } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '*') {
                    blockComment = true;
                    i++;
                } else if (c == '{' || c == '[' || c == '(') {
                    open.push(new int[] {c, number});
                } else if (c == '}' || c == ']' || c == ')') {
                    char expected = c == '}' ? '{' : c == ']' ? '[' : '(';
                    if (open.isEmpty() || open.peek()[0] != expected) {
                        return Optional.of("line " + number + ": '" + c + "' closes nothing");
                    }
                    open.pop();
                }
            }
            if (inString) {
                return Optional.of("line " + number + ": string not closed");
            }
            Matcher heredoc = HEREDOC.matcher(line);
            if (heredoc.find()) {
                heredocEnd = heredoc.group(1);
            }
        }
        if (!open.isEmpty()) {
            int[] unclosed = open.peek();
            return Optional.of("line " + unclosed[1] + ": '" + (char) unclosed[0] + "' is never closed");
        }
        return Optional.empty();
    }
}
