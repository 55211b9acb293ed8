package io.tradewind.core.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a mapping file, exactly as written by its author. {@link MappingCompiler} checks it and
 * turns it into a {@link SourceMapping}; nothing here is trusted until then.
 */
record MappingFile(
        String source,
        String description,
        Csv csv,
        List<Rule> rules,
        Map<String, Field> fields) {

    /** How the file is laid out. {@code columns} names the columns of files that have no header line. */
    record Csv(String delimiter, Boolean header, List<String> columns) {
    }

    /** First matching rule wins: the row is skipped (not an event, by policy) or rejected (broken data). */
    record Rule(Condition when, String action, String reason) {
    }

    /** A test on one column's trimmed value; exactly one operator is set. */
    record Condition(
            String column,
            Boolean empty,
            @JsonProperty("equals") String equalTo,
            List<String> in,
            String startsWith,
            String matches) {
    }

    /**
     * How one event field gets its value: exactly one of {@code column}, {@code constant}, {@code template},
     * {@code cases}. {@code constant} is a JsonNode so that an explicit {@code null} (known to be unknown) and a
     * number are both accepted.
     */
    record Field(
            String column,
            JsonNode constant,
            String template,
            List<Case> cases,
            Field otherwise,
            List<String> transforms,
            Map<String, String> map,
            Time time) {
    }

    record Case(Condition when, Field then) {
    }

    /** {@code format}: epoch-seconds, epoch-millis, iso-8601, or a java.time pattern that then needs {@code zone}. */
    record Time(String format, String zone) {
    }
}
