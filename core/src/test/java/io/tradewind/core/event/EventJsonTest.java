package io.tradewind.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EventJson.Parsed parse(String json) throws Exception {
        return EventJson.parse(JSON.readTree(json), "api:test");
    }

    @Test
    void readsAValidEventWithIsoTimeAndDefaults() throws Exception {
        EventJson.Parsed p = parse("""
                {"userId":"17850","itemId":"85123A","type":"buy","timestamp":"2011-12-09T12:50:00Z",
                 "unitPrice":2.55,"currency":"GBP","country":"United Kingdom"}""");

        assertTrue(p.valid(), p.problems().toString());
        assertEquals(EventType.BUY, p.event().type());
        assertEquals(1, p.event().quantity());
        assertEquals(1_323_435_000_000L, p.event().timestampMillis());
        assertEquals("api:test", p.event().source());
        assertNotNull(p.event().eventId());
    }

    @Test
    void keepsTheClientsEventIdSoRetriesDoNotDuplicate() throws Exception {
        EventJson.Parsed p = parse("""
                {"eventId":"shop-42","userId":"u","itemId":"i","type":"VIEW","timestamp":1323435000000}""");

        assertEquals("shop-42", p.event().eventId());
    }

    @Test
    void reportsEveryProblemAtOnce() throws Exception {
        EventJson.Parsed p = parse("""
                {"userId":"u","itemId":"i","type":"purchase","timestamp":"yesterday","quantity":1.5,"colour":"red"}""");

        assertFalse(p.valid());
        List<String> problems = p.problems();
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("colour: unknown field")), problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("type: must be one of")), problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("timestamp: not an ISO-8601")), problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("quantity: must be a whole number")), problems.toString());
    }

    @Test
    void appliesTheEventSchemasRules() throws Exception {
        EventJson.Parsed p = parse("""
                {"userId":"u","type":"SEARCH","timestamp":"2011-12-09T12:50:00Z","quantity":0,"currency":"pounds"}""");

        assertFalse(p.valid());
        assertTrue(p.problems().contains("query: required for SEARCH events"), p.problems().toString());
        assertTrue(p.problems().stream().anyMatch(s -> s.startsWith("quantity: must be positive")), p.problems().toString());
        assertTrue(p.problems().stream().anyMatch(s -> s.startsWith("currency:")), p.problems().toString());
    }

    @Test
    void rejectsWhatIsNotAnObject() throws Exception {
        assertEquals(List.of("an event must be a JSON object, got string"), parse("\"buy\"").problems());
    }

    @Test
    void wireFormRoundTripsEveryField() {
        BehaviourEvent e = new BehaviourEvent("e-1", "17850", "85123A", EventType.BUY, 1_323_435_000_000L, 6, 2.55,
                "GBP", "United Kingdom", "lights", null, "WHITE HANGING HEART T-LIGHT HOLDER", "api:shop-1");
        EventJson.Parsed back = EventJson.fromWire(EventJson.toWire(e));

        assertTrue(back.valid(), back.problems().toString());
        assertEquals(e, back.event());
    }

    @Test
    void wireRecordWithoutSourceIsNamedKafka() {
        EventJson.Parsed p = EventJson.fromWire(bytes("""
                {"eventId":"x","userId":"u","itemId":"i","type":"view","timestamp":1511658000000}"""));

        assertTrue(p.valid(), p.problems().toString());
        assertEquals(EventJson.UNNAMED_SOURCE, p.event().source());
    }

    @Test
    void wireRecordsThatAreNotOneEventSayWhy() {
        assertEquals(List.of("payload: more than one JSON value (at line 1, column 3)"),
                EventJson.fromWire(bytes("{}{}")).problems());
        assertTrue(EventJson.fromWire(bytes("{\"userId\":\"u\"} xyz")).problems().get(0)
                .startsWith("payload: not JSON at line 1, column 19: Unrecognized token 'xyz'"));
        assertEquals(List.of("payload: not UTF-8 text"), EventJson.fromWire(new byte[] {(byte) 0xC3, (byte) 0x28}).problems());
        assertEquals(List.of("payload: empty"), EventJson.fromWire(new byte[0]).problems());
        assertEquals(List.of("payload: nested deeper than 16 levels"),
                EventJson.fromWire(bytes("[".repeat(500) + "]".repeat(500))).problems());
        assertTrue(EventJson.fromWire(bytes("{\"userId\":\"a\",\"userId\":\"b\"}")).problems().get(0)
                .startsWith("payload: a field appears twice"));
        assertTrue(EventJson.fromWire(bytes("{\"userId\": ")).problems().get(0).startsWith("payload: not JSON at line 1"));
        assertEquals(List.of("an event must be a JSON object, got array"), EventJson.fromWire(bytes("[1]")).problems());
    }

    @Test
    void futureEventsBeyondTheToleranceAreNamed() {
        BehaviourEvent e = new BehaviourEvent("e", "u", "i", EventType.BUY, 4_070_908_800_000L, 1, null, null, null,
                null, null, null, "api:test");
        long now = 1_796_342_400_000L;

        assertEquals("timestamp: 2099-01-01T00:00:00Z is more than 300 s ahead of the receiver's clock (2026-12-04T00:00:00Z)",
                EventValidator.futureProblem(e, now, java.time.Duration.ofMinutes(5)).orElseThrow());
        assertTrue(EventValidator.futureProblem(e, 4_070_908_700_000L, java.time.Duration.ofMinutes(5)).isEmpty());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
