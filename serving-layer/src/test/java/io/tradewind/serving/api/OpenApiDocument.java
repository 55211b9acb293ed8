package io.tradewind.serving.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The API's openapi.yaml, read in tests to keep it true: which operations it documents, and whether an answer
 * the real server gave matches the documented schema for its status (types, required fields, enums, items).
 */
final class OpenApiDocument {
    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    static OpenApiDocument load() throws IOException {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.yaml")) {
            return new OpenApiDocument(new ObjectMapper(new YAMLFactory()).readTree(in));
        }
    }

    /** Documented operations as {@code "GET /v1/segments"}, sorted. */
    TreeSet<String> operations() {
        TreeSet<String> out = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> out.add(method.toUpperCase() + " " + path.getKey()));
        }
        return out;
    }

    /** Problems of {@code body} against the schema documented for this operation and status; empty when it conforms. */
    List<String> problems(String method, String pathTemplate, int status, JsonNode body) {
        JsonNode operation = root.path("paths").path(pathTemplate).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            return List.of(method + " " + pathTemplate + " is not documented");
        }
        JsonNode response = resolve(operation.path("responses").path(Integer.toString(status)));
        if (response.isMissingNode()) {
            return List.of(method + " " + pathTemplate + " does not document status " + status);
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        List<String> problems = new ArrayList<>();
        if (!schema.isMissingNode()) {
            check(schema, body, "$", problems);
        }
        return problems;
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String[] parts = node.get("$ref").asText().substring(2).split("/");
            JsonNode target = root;
            for (String p : parts) {
                target = target.path(p);
            }
            node = target;
        }
        return node;
    }

    private void check(JsonNode schema, JsonNode value, String where, List<String> problems) {
        schema = resolve(schema);
        if (schema.has("oneOf")) {
            for (JsonNode option : schema.get("oneOf")) {
                List<String> p = new ArrayList<>();
                check(option, value, where, p);
                if (p.isEmpty()) {
                    return;
                }
            }
            problems.add(where + ": matches none of oneOf");
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(where + ": expected object, got " + value.getNodeType());
                    return;
                }
                for (JsonNode required : schema.path("required")) {
                    if (!value.has(required.asText())) {
                        problems.add(where + ": required field '" + required.asText() + "' missing");
                    }
                }
                JsonNode properties = schema.path("properties");
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode fieldSchema = properties.path(field.getKey());
                    if (!fieldSchema.isMissingNode()) {
                        check(fieldSchema, field.getValue(), where + "." + field.getKey(), problems);
                    } else if (schema.path("additionalProperties").isObject()) {
                        check(schema.get("additionalProperties"), field.getValue(), where + "." + field.getKey(), problems);
                    } else if (properties.size() > 0 && !schema.has("additionalProperties")) {
                        problems.add(where + ": field '" + field.getKey() + "' is not documented");
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(where + ": expected array, got " + value.getNodeType());
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), where + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(where + ": expected string, got " + value.getNodeType());
                } else if (schema.has("enum") && !contains(schema.get("enum"), value.asText())) {
                    problems.add(where + ": '" + value.asText() + "' is not in " + schema.get("enum"));
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(where + ": expected integer, got " + value);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(where + ": expected number, got " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(where + ": expected boolean, got " + value);
                }
            }
            default -> {
                // no type: anything goes
            }
        }
    }

    private static boolean contains(JsonNode values, String value) {
        for (JsonNode v : values) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
