package io.tradewind.infra.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a Grafana dashboard JSON must have to import and to show data: a title, uid and schemaVersion, the
 * {@code datasource} template variable, panels placed on the 24-column grid without overlapping, and in every
 * panel that queries, targets with a PromQL expression on {@code ${datasource}} that reads only metrics the
 * components export. Returns one line per problem, naming the panel; none means the dashboard passes.
 */
public final class GrafanaDashboardCheck {
    static final String DATASOURCE = "${datasource}";
    private static final int GRID_COLUMNS = 24;

    private GrafanaDashboardCheck() {
    }

    /** @param exported every sample name the components' scrapes hold */
    public static List<String> problems(JsonNode dashboard, Set<String> exported) {
        List<String> problems = new ArrayList<>();
        for (String field : List.of("title", "uid")) {
            if (!dashboard.path(field).isTextual() || dashboard.path(field).asText().isBlank()) {
                problems.add("dashboard: no " + field);
            }
        }
        if (!dashboard.path("schemaVersion").isInt()) {
            problems.add("dashboard: no schemaVersion");
        }
        boolean variable = false;
        for (JsonNode v : dashboard.path("templating").path("list")) {
            variable |= "datasource".equals(v.path("name").asText()) && "datasource".equals(v.path("type").asText())
                    && "prometheus".equals(v.path("query").asText());
        }
        if (!variable) {
            problems.add("dashboard: no template variable 'datasource' of type datasource for prometheus");
        }
        JsonNode panels = dashboard.path("panels");
        if (!panels.isArray() || panels.isEmpty()) {
            problems.add("dashboard: no panels");
            return problems;
        }
        List<JsonNode> placed = new ArrayList<>();
        for (JsonNode panel : panels) {
            String name = "panel '" + panel.path("title").asText("?") + "' (id " + panel.path("id").asText("?") + ")";
            if (!panel.path("id").isInt() || panel.path("title").asText().isBlank() || panel.path("type").asText().isBlank()) {
                problems.add(name + ": needs an id, a title and a type");
            }
            problems.addAll(placement(name, panel.path("gridPos")));
            for (JsonNode other : placed) {
                if (overlap(panel.path("gridPos"), other.path("gridPos"))) {
                    problems.add(name + " overlaps panel '" + other.path("title").asText() + "' (id "
                            + other.path("id").asText() + ")");
                }
            }
            placed.add(panel);
            if (!"row".equals(panel.path("type").asText())) {
                problems.addAll(targets(name, panel, exported));
            }
        }
        return problems;
    }

    private static List<String> placement(String name, JsonNode grid) {
        for (String field : List.of("x", "y", "w", "h")) {
            if (!grid.path(field).isInt() || grid.path(field).asInt() < (field.equals("w") || field.equals("h") ? 1 : 0)) {
                return List.of(name + ": gridPos." + field + " missing or out of range");
            }
        }
        if (grid.path("x").asInt() + grid.path("w").asInt() > GRID_COLUMNS) {
            return List.of(name + ": wider than the grid's " + GRID_COLUMNS + " columns");
        }
        return List.of();
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
    }

    private static List<String> targets(String name, JsonNode panel, Set<String> exported) {
        List<String> problems = new ArrayList<>();
        if (!DATASOURCE.equals(panel.path("datasource").path("uid").asText())) {
            problems.add(name + ": datasource is not " + DATASOURCE);
        }
        if (!panel.path("targets").isArray() || panel.path("targets").isEmpty()) {
            problems.add(name + ": no targets");
            return problems;
        }
        for (JsonNode target : panel.path("targets")) {
            String ref = name + ", target " + target.path("refId").asText("?");
            if (!DATASOURCE.equals(target.path("datasource").path("uid").asText())) {
                problems.add(ref + ": datasource is not " + DATASOURCE);
            }
            String expr = target.path("expr").asText("");
            if (expr.isBlank()) {
                problems.add(ref + ": no expr");
                continue;
            }
            for (String metric : PromqlMetricNames.of(expr)) {
                if (!exported.contains(metric)) {
                    problems.add(ref + ": metric " + metric + " is exported by no component");
                }
            }
        }
        return problems;
    }
}
