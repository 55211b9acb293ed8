package io.tradewind.core.ingest;

import static io.tradewind.core.ingest.MappingTestSupport.event;
import static io.tradewind.core.ingest.MappingTestSupport.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source Tradewind has never seen, described only by a mapping file: no code change needed. */
class CustomSourceMappingTest {
    private static final String MAPPING = """
            {
              "source": "corner-shop",
              "description": "a made-up till export: semicolons, ISO times with offsets, sizes as part of the item",
              "csv": {"delimiter": ";"},
              "rules": [
                {"when": {"column": "action", "equals": "staff-test"}, "action": "skip", "reason": "till test by staff"},
                {"when": {"column": "sku", "matches": "X-\\\\d+"}, "action": "reject", "reason": "withdrawn product"}
              ],
              "fields": {
                "userId": {"column": "loyalty_card", "transforms": ["upper"]},
                "itemId": {"template": "{sku}/{size}"},
                "type": {"column": "action", "transforms": ["lower"],
                         "map": {"look": "VIEW", "basket": "CART", "paid": "BUY", "refund": "RETURN"}},
                "timestamp": {"column": "at", "time": {"format": "iso-8601"}},
                "quantity": {"column": "qty", "transforms": ["abs"]},
                "unitPrice": {"column": "price_eur"},
                "currency": {"constant": "EUR"},
                "country": {"column": "shop", "map": {"dublin": "Ireland", "online": null}},
                "category": {"cases": [{"when": {"column": "sku", "startsWith": "T"}, "then": {"constant": "tea"}}],
                             "otherwise": {"constant": "other"}}
              }
            }
            """;

    private static final String CSV = """
            loyalty_card;sku;size;action;at;qty;price_eur;shop
            ab12;T100;M;Paid;2024-03-01T10:15:30+01:00;-2;3.5;dublin
            ab12;C200;L;look;2024-03-01T10:16:00Z;1;;online
            cd34;T100;M;staff-test;2024-03-01T10:17:00Z;1;3.5;dublin
            cd34;X-9;M;paid;2024-03-01T10:18:00Z;1;3.5;dublin
            cd34;T100;;paid;2024-03-01T10:19:00Z;1;3.5;dublin
            """;

    @TempDir
    Path dir;

    private SourceMapping load() throws IOException {
        Path file = dir.resolve("corner-shop.json");
        Files.writeString(file, MAPPING);
        return SourceMappings.load(file.toString());
    }

    @Test
    void mappingFileAloneDefinesTheSource() throws IOException {
        List<MappedRow> rows = read(load(), CSV);

        BehaviourEvent paid = event(rows.get(0).outcome());
        assertEquals("AB12", paid.userId());
        assertEquals("T100/M", paid.itemId());
        assertEquals(EventType.BUY, paid.type());
        assertEquals(Instant.parse("2024-03-01T09:15:30Z"), paid.timestamp());
        assertEquals(2, paid.quantity());
        assertEquals(3.5, paid.unitPrice());
        assertEquals("EUR", paid.currency());
        assertEquals("Ireland", paid.country());
        assertEquals("tea", paid.category());
        assertEquals("corner-shop", paid.source());

        BehaviourEvent look = event(rows.get(1).outcome());
        assertEquals(EventType.VIEW, look.type());
        assertNull(look.country(), "mapped to null: known to be unknown");
        assertNull(look.unitPrice());
        assertEquals("other", look.category());
    }

    @Test
    void rulesSkipAndRejectWithTheirReasons() throws IOException {
        List<MappedRow> rows = read(load(), CSV);

        assertEquals(new RowOutcome.Skipped("till test by staff"), rows.get(2).outcome());
        assertEquals(new RowOutcome.Rejected("withdrawn product", "sku matches /X-\\d+/"), rows.get(3).outcome());
    }

    @Test
    void templateWithAnEmptyPartLeavesTheFieldEmpty() throws IOException {
        RowOutcome outcome = read(load(), CSV).get(4).outcome();

        assertEquals("invalid itemId", ((RowOutcome.Rejected) outcome).reason());
    }

    @Test
    void headerlessFilesNameTheirColumnsInTheMapping() throws IOException {
        Path file = dir.resolve("headerless.json");
        Files.writeString(file, """
                {"source": "taobao-raw", "csv": {"header": false, "columns": ["user_id", "item_id", "category_id", "behavior_type", "timestamp"]},
                 "fields": {"userId": {"column": "user_id"}, "itemId": {"column": "item_id"},
                            "type": {"column": "behavior_type", "map": {"pv": "VIEW"}},
                            "timestamp": {"column": "timestamp", "time": {"format": "epoch-seconds"}}}}
                """);

        List<MappedRow> rows = read(SourceMappings.load(file.toString()), "1,2,3,pv,1511658000\n4,5,6,pv,1511658001\n");

        assertEquals(2, rows.size());
        assertEquals(1, rows.get(0).line());
        assertEquals("4", event(rows.get(1).outcome()).userId());
    }
}
