package io.tradewind.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures measured by one benchmark: printed as a table and written to {@code target/bench/NAME.json} with
 * the machine they were measured on, so numbers from different runs can be compared honestly.
 */
public final class BenchResult {
    /** One measured figure, with the goal it is held against (null when there is none). */
    public record Row(String metric, double value, String unit, String goal, Boolean met) {
    }

    private final String name;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();

    public BenchResult(String name) {
        this.name = name;
    }

    public BenchResult add(String metric, double value, String unit) {
        rows.add(new Row(metric, value, unit, null, null));
        return this;
    }

    /** A figure with a goal: {@code met} says whether the measured value reached it. */
    public BenchResult addWithGoal(String metric, double value, String unit, String goal, boolean met) {
        rows.add(new Row(metric, value, unit, goal, met));
        return this;
    }

    public BenchResult note(String key, Object value) {
        notes.put(key, value);
        return this;
    }

    public static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return m;
    }

    public void print(PrintStream out) {
        Map<String, Object> machine = machine();
        out.printf("%nbench %s on %s cores, %s%n", name, machine.get("cores"), machine.get("jdk"));
        out.printf("%-56s %12s  %-6s %-20s %s%n", "metric", "value", "unit", "goal", "met");
        for (Row r : rows) {
            out.printf("%-56s %12.3f  %-6s %-20s %s%n", r.metric(), r.value(), r.unit(),
                    r.goal() == null ? "" : r.goal(), r.met() == null ? "" : (r.met() ? "yes" : "NO"));
        }
        notes.forEach((k, v) -> out.printf("  %s: %s%n", k, v));
    }

    public Path write(Path benchDir) throws IOException {
        Files.createDirectories(benchDir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", name);
        json.put("timestamp", Instant.now().toString());
        json.put("machine", machine());
        json.put("rows", rows);
        json.put("notes", notes);
        Path file = benchDir.resolve(name + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        return file;
    }
}
