package io.tradewind.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventContractTest {
    static BehaviourEvent sample() {
        return new BehaviourEvent("id-1", "17850", "85123A", EventType.BUY, 1_291_191_960_000L, 6, 2.55, "GBP",
                "United Kingdom", null, null, "WHITE HANGING HEART T-LIGHT HOLDER", "online-retail");
    }

    @Test
    void avroRoundTripKeepsEveryField() {
        BehaviourEvent e = sample();
        assertEquals(e, EventAvroCodec.fromRecord(EventAvroCodec.toRecord(e)));
        assertEquals(EventSchema.avro().getFields().size(), BehaviourEvent.class.getRecordComponents().length,
                "the record and the schema file describe the same fields");
    }

    @Test
    void validEventHasNoProblemsAndBadOnesHaveReasons() {
        assertTrue(EventValidator.problems(sample()).isEmpty());
        BehaviourEvent bad = new BehaviourEvent("id", " ", "i", EventType.SEARCH, 5, 0, -1.0, "pounds", null, null,
                null, null, null);
        List<String> problems = EventValidator.problems(bad);
        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("userId")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("query")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("currency")));
    }

    @Test
    void importedRowIdsAreDeterministicAndKeepIdenticalRowsApart() {
        String row = "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom";
        assertEquals(EventIds.forImportedRow("online-retail", row, 0), EventIds.forImportedRow("online-retail", row, 0));
        assertNotEquals(EventIds.forImportedRow("online-retail", row, 0), EventIds.forImportedRow("online-retail", row, 1));
        assertNotEquals(EventIds.forImportedRow("online-retail", row, 0), EventIds.forImportedRow("taobao", row, 0));
    }
}
