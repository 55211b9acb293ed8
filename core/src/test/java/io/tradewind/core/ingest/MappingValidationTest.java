package io.tradewind.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A wrong mapping fails before any row is read, with one line that names the problem. */
class MappingValidationTest {
    private static final String VALID_FIELDS = "\"userId\": {\"column\": \"u\"}, \"itemId\": {\"column\": \"i\"},"
            + " \"type\": {\"constant\": \"VIEW\"}, \"timestamp\": {\"column\": \"t\", \"time\": {\"format\": \"epoch-seconds\"}}";

    private static SourceMapping parse(String json) {
        try {
            return SourceMappings.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String failure(String json) {
        String message = assertThrows(MappingException.class, () -> parse(json)).getMessage();
        assertTrue(message.startsWith("mapping test.json: "), message);
        assertEquals(-1, message.indexOf('\n'), "one line: " + message);
        return message;
    }

    private static String withFields(String extra) {
        return "{\"source\": \"s\", \"fields\": {" + VALID_FIELDS + extra + "}}";
    }

    @Test
    void minimalMappingIsValid() {
        assertEquals("s", parse(withFields("")).name());
    }

    @Test
    void unknownEventFieldIsNamed() {
        String message = failure(withFields(", \"usrId\": {\"column\": \"x\"}"));

        assertTrue(message.contains("fields.usrId is not an event field (known: userId, itemId"), message);
    }

    @Test
    void derivedFieldsCannotBeMapped() {
        assertTrue(failure(withFields(", \"eventId\": {\"column\": \"x\"}")).contains("derived by the importer"));
    }

    @Test
    void misspelledKeyIsNamedWithItsPlace() {
        String message = failure(withFields(", \"country\": {\"colum\": \"x\"}"));

        assertTrue(message.contains("unknown key 'colum' at fields.country (line 1, column "), message);
        assertTrue(message.contains("(allowed: cases, column, constant, map, otherwise, template, time, transforms)"), message);
    }

    @Test
    void requiredFieldMustBeDeclared() {
        String message = failure("{\"source\": \"s\", \"fields\": {\"userId\": {\"column\": \"u\"}, "
                + "\"itemId\": {\"column\": \"i\"}, \"type\": {\"constant\": \"VIEW\"}}}");

        assertTrue(message.contains("fields.timestamp is required"), message);
    }

    @Test
    void invalidTimePatternIsNamed() {
        String message = failure(withFields("").replace("\"format\": \"epoch-seconds\"",
                "\"format\": \"yyyy-MM-dd bb\", \"zone\": \"UTC\""));

        assertTrue(message.contains("time format 'yyyy-MM-dd bb' is not a valid java.time pattern"), message);
    }

    @Test
    void timePatternThatCannotHoldADateTimeFails() {
        String message = failure(withFields("").replace("\"format\": \"epoch-seconds\"",
                "\"format\": \"HH:mm\", \"zone\": \"UTC\""));

        assertTrue(message.contains("cannot express a full date and time"), message);
    }

    @Test
    void localTimePatternNeedsAZone() {
        String message = failure(withFields("").replace("\"format\": \"epoch-seconds\"",
                "\"format\": \"yyyy-MM-dd HH:mm:ss\""));

        assertTrue(message.contains("has no zone"), message);
    }

    @Test
    void unknownZoneIsNamed() {
        String message = failure(withFields("").replace("\"format\": \"epoch-seconds\"",
                "\"format\": \"yyyy-MM-dd HH:mm:ss\", \"zone\": \"Mars/Olympus\""));

        assertTrue(message.contains("'Mars/Olympus' is not a zone id"), message);
    }

    @Test
    void typeValuesMustBeEventTypes() {
        String message = failure(withFields("").replace("{\"constant\": \"VIEW\"}",
                "{\"column\": \"b\", \"map\": {\"pv\": \"VIEW\", \"buy\": \"PURCHASE\"}}"));

        assertTrue(message.contains("'PURCHASE' is not an event type"), message);
    }

    @Test
    void onlyTheTimestampHasATimeFormat() {
        String message = failure(withFields(", \"country\": {\"column\": \"c\", \"time\": {\"format\": \"epoch-seconds\"}}"));

        assertTrue(message.contains("fields.country.time only the timestamp field itself has a time format"), message);
    }

    @Test
    void unknownTransformIsNamed() {
        String message = failure(withFields(", \"country\": {\"column\": \"c\", \"transforms\": [\"titlecase\"]}"));

        assertTrue(message.contains("unknown transform 'titlecase'"), message);
    }

    @Test
    void conditionNeedsExactlyOneOperator() {
        String json = "{\"source\": \"s\", \"rules\": [{\"when\": {\"column\": \"u\", \"empty\": true, "
                + "\"startsWith\": \"x\"}, \"action\": \"skip\", \"reason\": \"r\"}], \"fields\": {" + VALID_FIELDS + "}}";

        assertTrue(failure(json).contains("rules[0].when needs exactly one of"));
    }

    @Test
    void ruleActionMustBeKnown() {
        String json = "{\"source\": \"s\", \"rules\": [{\"when\": {\"column\": \"u\", \"empty\": true}, "
                + "\"action\": \"drop\", \"reason\": \"r\"}], \"fields\": {" + VALID_FIELDS + "}}";

        assertTrue(failure(json).contains("rules[0].action must be 'skip' or 'reject'"));
    }

    @Test
    void brokenJsonReportsWhere() {
        assertTrue(failure("{\"source\": \"s\",\n \"fields\": {").contains("not valid JSON (line 2, column 13): Unexpected end-of-input"));
    }

    @Test
    void wrongKindOfValueIsNamed() {
        String message = failure("{\"source\": \"s\", \"fields\": []}");

        assertTrue(message.endsWith("wrong kind of value at fields (line 1, column 27): expected an object {...}"), message);
    }

    @Test
    void duplicateKeyFails() {
        String message = failure("{\"source\": \"s\", \"source\": \"t\", \"fields\": {" + VALID_FIELDS + "}}");

        assertTrue(message.endsWith("Duplicate field 'source'"), message);
    }

    @Test
    void columnMissingFromHeaderIsNamedWithTheInput() {
        SourceMapping mapping = parse(withFields(""));

        String message = assertThrows(MappingException.class,
                () -> mapping.bind(List.of("u", "item", "t"), "events.csv")).getMessage();

        assertEquals("events.csv, line 1, column 'i': mapping 's' reads this column, which is not in the header "
                + "[u, item, t]", message);
    }

    @Test
    void columnMissingFromHeaderSuggestsCaseFix() {
        SourceMapping mapping = SourceMappings.builtIn("online-retail");

        String message = assertThrows(MappingException.class, () -> mapping.bind(List.of("InvoiceNo", "StockCode",
                "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerId", "Country"), "x.csv")).getMessage();

        assertTrue(message.startsWith("x.csv, line 1, column 'CustomerID': mapping 'online-retail' reads this column"), message);
        assertTrue(message.contains("did you mean 'CustomerId'?"), message);
    }

    @Test
    void unknownSourceListsTheBuiltInOnes() {
        String message = assertThrows(MappingException.class, () -> SourceMappings.load("amazon")).getMessage();

        assertTrue(message.startsWith("unknown source 'amazon' (built-in: online-retail, taobao"), message);
    }

    @Test
    void missingMappingFileIsNamed() {
        String message = assertThrows(MappingException.class,
                () -> SourceMappings.load(Path.of("no", "such.json").toString())).getMessage();

        assertTrue(message.contains("such.json not found"), message);
    }

    @Test
    void builtInMappingsAreListed() {
        assertTrue(SourceMappings.builtInNames().containsAll(List.of("online-retail", "taobao")));
    }
}
