package io.tradewind.infra.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What can be read from an Airflow DAG file without Airflow: the {@code DAG(...)} call's arguments, each
 * {@code name = BashOperator(...)} task's arguments, and the {@code a >> b} dependency statements. A small reader of
 * the Python that DAG files of this shape use: literals (strings, with adjacent ones joined as Python joins them;
 * numbers; {@code True}/{@code False}/{@code None}), names, calls with positional and keyword arguments, dicts,
 * lists and parentheses. Anything else inside a call it reads is an error naming the line, so the test never guesses.
 *
 * <p>An f-string is refused: Python would turn Airflow's {@code {{ ds }}} into {@code { ds }} before Jinja sees it.
 */
final class ScheduleDag {

    /** A call: {@code function(positional..., keyword=value...)}; values are the types listed on the class. */
    record Call(String function, List<Object> positional, Map<String, Object> keywords) {
        Optional<Object> keyword(String name) {
            return Optional.ofNullable(keywords.get(name));
        }
    }

    /** A name that is not a literal, e.g. a variable or {@code airflow.models.baseoperator.chain}. */
    record Name(String dotted) {
    }

    /** A task: the Python variable it is assigned to, and the operator's call. */
    record Task(String variable, Call call) {
        String taskId() {
            return (String) call.keywords().get("task_id");
        }

        String bashCommand() {
            return (String) call.keywords().get("bash_command");
        }
    }

    private final Call dag;
    private final Map<String, Task> tasks;
    private final List<List<String>> chains;

    private ScheduleDag(Call dag, Map<String, Task> tasks, List<List<String>> chains) {
        this.dag = dag;
        this.tasks = tasks;
        this.chains = chains;
    }

    Call dag() {
        return dag;
    }

    /** The BashOperator tasks by task_id, in the file's order. */
    Map<String, Task> tasks() {
        return tasks;
    }

    /** Each {@code a >> b >> c} statement as task ids, in the file's order. */
    List<List<String>> dependencies() {
        return chains;
    }

    static ScheduleDag parse(String source) {
        List<Token> tokens = new Tokenizer(source).tokens();
        Call dag = null;
        Map<String, Task> tasks = new LinkedHashMap<>();
        Map<String, String> taskIds = new LinkedHashMap<>();
        List<List<String>> chainVariables = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is(Kind.NAME, "DAG") && at(tokens, i + 1).is(Kind.OP, "(")) {
                if (dag != null) {
                    throw new IllegalArgumentException("line " + t.line() + ": a second DAG(...)");
                }
                Parser p = new Parser(tokens, i);
                dag = (Call) p.value();
                i = p.position - 1;
            } else if (t.kind() == Kind.NAME && at(tokens, i + 1).is(Kind.OP, "=")
                    && at(tokens, i + 2).is(Kind.NAME, "BashOperator") && at(tokens, i + 3).is(Kind.OP, "(")) {
                Parser p = new Parser(tokens, i + 2);
                Task task = new Task(t.text(), (Call) p.value());
                if (!(task.call().keywords().get("task_id") instanceof String id)) {
                    throw new IllegalArgumentException("line " + t.line() + ": BashOperator without a task_id string");
                }
                if (!(task.call().keywords().get("bash_command") instanceof String)) {
                    throw new IllegalArgumentException("line " + t.line() + ": task " + id
                            + " has no bash_command string (a literal, or adjacent literals)");
                }
                if (tasks.put(id, task) != null) {
                    throw new IllegalArgumentException("line " + t.line() + ": a second task " + id);
                }
                taskIds.put(t.text(), id);
                i = p.position - 1;
            }
        }
        if (dag == null) {
            throw new IllegalArgumentException("no DAG(...) call");
        }
        for (List<Token> statement : statements(tokens)) {
            boolean shifts = statement.stream().anyMatch(x -> x.is(Kind.OP, ">>") || x.is(Kind.OP, "<<"));
            boolean setters = statement.stream().anyMatch(x -> x.is(Kind.NAME, "set_downstream")
                    || x.is(Kind.NAME, "set_upstream") || x.is(Kind.NAME, "chain"));
            if (setters) {
                throw new IllegalArgumentException("line " + statement.get(0).line()
                        + ": dependencies only as 'a >> b' statements are read here");
            }
            if (!shifts) {
                continue;
            }
            List<String> chain = new ArrayList<>();
            for (int k = 0; k < statement.size(); k++) {
                Token x = statement.get(k);
                boolean expectName = k % 2 == 0;
                if (expectName ? x.kind() != Kind.NAME : !x.is(Kind.OP, ">>")) {
                    throw new IllegalArgumentException("line " + x.line() + ": dependencies only as 'a >> b >> c' "
                            + "statements of task variables are read here, not '" + x.text() + "'");
                }
                if (expectName) {
                    chain.add(x.text());
                }
            }
            if (statement.size() % 2 == 0) {
                throw new IllegalArgumentException("line " + statement.get(0).line() + ": a '>>' with nothing after it");
            }
            chainVariables.add(chain);
        }
        List<List<String>> chains = new ArrayList<>();
        for (List<String> chain : chainVariables) {
            List<String> ids = new ArrayList<>();
            for (String variable : chain) {
                String id = taskIds.get(variable);
                if (id == null) {
                    throw new IllegalArgumentException("'" + variable + "' in a dependency is no BashOperator task");
                }
                ids.add(id);
            }
            chains.add(List.copyOf(ids));
        }
        return new ScheduleDag(dag, tasks, List.copyOf(chains));
    }

    private static Token at(List<Token> tokens, int i) {
        return i < tokens.size() ? tokens.get(i) : tokens.get(tokens.size() - 1);
    }

    /** Token runs between newlines outside brackets: Python's logical lines, the ones at the top of {@code with} too. */
    private static List<List<Token>> statements(List<Token> tokens) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : tokens) {
            if (t.kind() == Kind.NEWLINE || t.kind() == Kind.END) {
                if (!current.isEmpty()) {
                    out.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        return out;
    }

    enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, END }

    record Token(Kind kind, String text, int line) {
        boolean is(Kind k, String s) {
            return kind == k && text.equals(s);
        }
    }

    /** Python's tokens, as far as DAG files of this shape need: comments dropped, newlines inside brackets too. */
    private static final class Tokenizer {
        private final String s;
        private int i;
        private int line = 1;
        private int depth;
        private final List<Token> out = new ArrayList<>();

        Tokenizer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n') {
                    if (depth == 0) {
                        out.add(new Token(Kind.NEWLINE, "\n", line));
                    }
                    line++;
                    i++;
                } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    line++;
                    i += 2; // an explicit line continuation
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '#') {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                        i++;
                    }
                    String word = s.substring(start, i);
                    if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'') && word.length() <= 2
                            && word.toLowerCase().chars().allMatch(ch -> "rbuf".indexOf(ch) >= 0)) {
                        string(word.toLowerCase());
                    } else {
                        out.add(new Token(Kind.NAME, word, line));
                    }
                } else if (Character.isDigit(c)) {
                    int start = i;
                    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                        i++;
                    }
                    if (i < s.length() && (s.charAt(i) == '.' || Character.isLetter(s.charAt(i)))) {
                        throw new IllegalArgumentException("line " + line + ": only whole decimal numbers are read here");
                    }
                    out.add(new Token(Kind.NUMBER, s.substring(start, i).replace("_", ""), line));
                } else if (c == '"' || c == '\'') {
                    string("");
                } else if (s.startsWith(">>", i) || s.startsWith("<<", i) || s.startsWith("**", i)
                        || s.startsWith("==", i) || s.startsWith("->", i)) {
                    out.add(new Token(Kind.OP, s.substring(i, i + 2), line));
                    i += 2;
                } else {
                    if ("([{".indexOf(c) >= 0) {
                        depth++;
                    } else if (")]}".indexOf(c) >= 0) {
                        depth--;
                    }
                    out.add(new Token(Kind.OP, String.valueOf(c), line));
                    i++;
                }
            }
            out.add(new Token(Kind.END, "", line));
            return out;
        }

        private void string(String prefix) {
            int startLine = line;
            if (prefix.contains("f")) {
                throw new IllegalArgumentException("line " + line + ": an f-string: Python would turn Airflow's "
                        + "{{ ds }} into { ds } before Airflow renders it; use a plain string");
            }
            boolean raw = prefix.contains("r");
            char quote = s.charAt(i);
            boolean triple = s.startsWith(String.valueOf(quote).repeat(3), i);
            i += triple ? 3 : 1;
            StringBuilder value = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("line " + startLine + ": a string that does not end");
                }
                char c = s.charAt(i);
                if (triple ? s.startsWith(String.valueOf(quote).repeat(3), i) : c == quote) {
                    i += triple ? 3 : 1;
                    break;
                }
                if (c == '\n') {
                    if (!triple) {
                        throw new IllegalArgumentException("line " + line + ": a string that does not end on its line");
                    }
                    line++;
                }
                if (c == '\\' && i + 1 < s.length()) {
                    char next = s.charAt(i + 1);
                    if (raw) {
                        value.append(c).append(next);
                    } else {
                        switch (next) {
                            case 'n' -> value.append('\n');
                            case 't' -> value.append('\t');
                            case '\\', '\'', '"' -> value.append(next);
                            case '\n' -> line++; // continues the string on the next line
                            default -> value.append(c).append(next);
                        }
                    }
                    i += 2;
                    continue;
                }
                value.append(c);
                i++;
            }
            out.add(new Token(Kind.STRING, value.toString(), startLine));
        }
    }

    /** Reads one value at a position: literals, names, calls, dicts, lists, parentheses. */
    private static final class Parser {
        private final List<Token> tokens;
        int position;

        Parser(List<Token> tokens, int position) {
            this.tokens = tokens;
            this.position = position;
        }

        private Token next() {
            Token t = at(tokens, position);
            if (t.kind() == Kind.END) {
                throw new IllegalArgumentException("line " + t.line() + ": the file ends inside a call");
            }
            position++;
            return t;
        }

        private Token peek() {
            return at(tokens, position);
        }

        private void expect(String op) {
            Token t = next();
            if (!t.is(Kind.OP, op)) {
                throw new IllegalArgumentException("line " + t.line() + ": '" + op + "' expected, got '" + t.text() + "'");
            }
        }

        Object value() {
            Token t = next();
            switch (t.kind()) {
                case STRING -> {
                    StringBuilder joined = new StringBuilder(t.text());
                    while (peek().kind() == Kind.STRING) {
                        joined.append(next().text());
                    }
                    return joined.toString();
                }
                case NUMBER -> {
                    return Long.parseLong(t.text());
                }
                case NAME -> {
                    if (t.text().equals("True") || t.text().equals("False")) {
                        return Boolean.valueOf(t.text());
                    }
                    if (t.text().equals("None")) {
                        return Optional.empty();
                    }
                    StringBuilder dotted = new StringBuilder(t.text());
                    while (peek().is(Kind.OP, ".")) {
                        next();
                        Token part = next();
                        if (part.kind() != Kind.NAME) {
                            throw new IllegalArgumentException("line " + part.line() + ": a name expected after '.'");
                        }
                        dotted.append('.').append(part.text());
                    }
                    if (peek().is(Kind.OP, "(")) {
                        return call(dotted.toString());
                    }
                    return new Name(dotted.toString());
                }
                case OP -> {
                    switch (t.text()) {
                        case "(" -> {
                            Object inner = value();
                            expect(")");
                            return inner;
                        }
                        case "[" -> {
                            List<Object> items = new ArrayList<>();
                            while (!peek().is(Kind.OP, "]")) {
                                items.add(value());
                                if (!peek().is(Kind.OP, "]")) {
                                    expect(",");
                                }
                            }
                            next();
                            return items;
                        }
                        case "{" -> {
                            Map<Object, Object> dict = new LinkedHashMap<>();
                            while (!peek().is(Kind.OP, "}")) {
                                Object key = value();
                                expect(":");
                                dict.put(key, value());
                                if (!peek().is(Kind.OP, "}")) {
                                    expect(",");
                                }
                            }
                            next();
                            return dict;
                        }
                        default -> throw new IllegalArgumentException("line " + t.line() + ": '" + t.text()
                                + "' is not read here (literals, names, calls, dicts and lists are)");
                    }
                }
                default -> throw new IllegalArgumentException("line " + t.line() + ": a value expected");
            }
        }

        private Call call(String function) {
            expect("(");
            List<Object> positional = new ArrayList<>();
            Map<String, Object> keywords = new LinkedHashMap<>();
            while (!peek().is(Kind.OP, ")")) {
                Token t = peek();
                if (t.kind() == Kind.NAME && at(tokens, position + 1).is(Kind.OP, "=")) {
                    position += 2;
                    if (keywords.put(t.text(), value()) != null) {
                        throw new IllegalArgumentException("line " + t.line() + ": keyword " + t.text() + " twice");
                    }
                } else {
                    if (!keywords.isEmpty()) {
                        throw new IllegalArgumentException("line " + t.line() + ": a positional argument after keywords");
                    }
                    positional.add(value());
                }
                if (!peek().is(Kind.OP, ")")) {
                    expect(",");
                }
            }
            next();
            return new Call(function, List.copyOf(positional), keywords);
        }
    }
}
