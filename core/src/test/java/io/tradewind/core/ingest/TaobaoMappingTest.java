package io.tradewind.core.ingest;

import static io.tradewind.core.ingest.MappingTestSupport.event;
import static io.tradewind.core.ingest.MappingTestSupport.only;
import static io.tradewind.core.ingest.MappingTestSupport.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaobaoMappingTest {
    private static final String HEADER = "user_id,item_id,category_id,behavior_type,timestamp\n";
    private static final SourceMapping MAPPING = SourceMappings.builtIn("taobao");

    @Test
    void behaviourCodesMapToEventTypes() {
        String csv = HEADER + "1,10,100,pv,1511658000\n2,20,200,cart,1511658001\n3,30,300,fav,1511658002\n"
                + "4,40,400,buy,1511658003\n";

        List<EventType> types = read(MAPPING, csv).stream().map(r -> event(r.outcome()).type()).toList();

        assertEquals(List.of(EventType.VIEW, EventType.CART, EventType.FAV, EventType.BUY), types);
    }

    @Test
    void rowCarriesEpochSecondsCategoryAndNoCountryOrPrice() {
        BehaviourEvent e = event(only(MAPPING, HEADER + "543462,1715,1464116,pv,1511658000\n"));

        assertEquals("543462", e.userId());
        assertEquals("1715", e.itemId());
        assertEquals("1464116", e.category());
        assertEquals(Instant.parse("2017-11-26T01:00:00Z"), e.timestamp());
        assertEquals(1, e.quantity());
        assertNull(e.country());
        assertNull(e.currency());
        assertNull(e.unitPrice());
        assertEquals("taobao", e.source());
    }

    @Test
    void unknownBehaviourCodeIsRejectedWithTheValueMap() {
        RowOutcome.Rejected rejected = (RowOutcome.Rejected) only(MAPPING, HEADER + "1,10,100,share,1511658000\n");

        assertEquals("invalid type", rejected.reason());
        assertTrue(rejected.detail().startsWith("type (column 'behavior_type'): 'share' is not in the value map"), rejected.detail());
    }

    @Test
    void timestampInMillisecondsIsRejectedAsOutOfRange() {
        RowOutcome.Rejected rejected = (RowOutcome.Rejected) only(MAPPING, HEADER + "1,10,100,pv,1511658000000\n");

        assertEquals("invalid timestamp", rejected.reason());
    }

    @Test
    void missingUserIsRejected() {
        RowOutcome.Rejected rejected = (RowOutcome.Rejected) only(MAPPING, HEADER + ",10,100,pv,1511658000\n");

        assertEquals("invalid userId", rejected.reason());
        assertEquals("userId (column 'user_id'): empty, but required", rejected.detail());
    }
}
