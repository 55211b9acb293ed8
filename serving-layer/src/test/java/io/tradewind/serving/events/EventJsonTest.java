package io.tradewind.serving.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.core.event.EventType;
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
}
