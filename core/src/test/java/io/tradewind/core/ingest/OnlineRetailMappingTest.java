package io.tradewind.core.ingest;

import static io.tradewind.core.ingest.MappingTestSupport.event;
import static io.tradewind.core.ingest.MappingTestSupport.only;
import static io.tradewind.core.ingest.MappingTestSupport.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.core.event.BehaviourEvent;
import io.tradewind.core.event.EventType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnlineRetailMappingTest {
    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
    private static final SourceMapping MAPPING = SourceMappings.builtIn("online-retail");

    private static RowOutcome row(String line) {
        return only(MAPPING, HEADER + line + "\n");
    }

    @Test
    void invoiceLineBecomesPurchaseWithNormalisedCustomerAndUtcTime() {
        BehaviourEvent e = event(row(
                "536365,85123A, WHITE HANGING HEART T-LIGHT HOLDER ,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom"));

        assertEquals("17850", e.userId());
        assertEquals("85123A", e.itemId());
        assertEquals(EventType.BUY, e.type());
        assertEquals(Instant.parse("2010-12-01T08:26:00Z"), e.timestamp());
        assertEquals(6, e.quantity());
        assertEquals(2.55, e.unitPrice());
        assertEquals("GBP", e.currency());
        assertEquals("United Kingdom", e.country());
        assertNull(e.category());
        assertEquals("WHITE HANGING HEART T-LIGHT HOLDER", e.itemTitle());
        assertEquals("online-retail", e.source());
    }

    @Test
    void cancellationBecomesReturnWithPositiveQuantity() {
        BehaviourEvent e = event(row("C536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,-1,2010-12-01 09:49:00,4.65,15311.0,United Kingdom"));

        assertEquals(EventType.RETURN, e.type());
        assertEquals(1, e.quantity());
    }

    @Test
    void blankRepeatedHeaderColumnsDoNotMakeRowsMalformed() {
        // Spreadsheet exports often end every line with empty columns whose header names repeat ("", "").
        RowOutcome outcome = only(MAPPING, HEADER.strip() + ",,\n"
                + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom,,\n");
        assertEquals("17850", event(outcome).userId());
    }

    @Test
    void postageFeesAndManualLinesAreSkippedAsNonProducts() {
        for (String line : List.of("536370,POST,POSTAGE,3,2010-12-01 08:45:00,18,12583.0,France",
                "C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom",
                "537140,BANK CHARGES,Bank Charges,1,2010-12-05 12:00:00,15,12748.0,United Kingdom")) {
            RowOutcome.Skipped skipped = (RowOutcome.Skipped) row(line);
            assertEquals("non-product line (postage, fees, manual adjustments)", skipped.reason());
        }
    }

    @Test
    void cancellationWithPositiveQuantityIsRejectedNotHidden() {
        RowOutcome outcome = row("C536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,1,2010-12-01 09:49:00,4.65,15311.0,United Kingdom");

        RowOutcome.Rejected rejected = (RowOutcome.Rejected) outcome;
        assertEquals("invalid quantity", rejected.reason());
        assertTrue(rejected.detail().contains("got -1"), rejected.detail());
    }

    @Test
    void negativeQuantityOnNormalInvoiceIsRejected() {
        RowOutcome outcome = row("536589,21777,damages,-10,2010-12-01 16:50:00,0.0,17850.0,United Kingdom");

        assertEquals("invalid quantity", ((RowOutcome.Rejected) outcome).reason());
    }

    @Test
    void rowWithoutCustomerIsSkippedNotGivenAnInventedUser() {
        RowOutcome outcome = row("536414,22139,,56,2010-12-01 11:52:00,0.0,,United Kingdom");

        assertEquals(new RowOutcome.Skipped("no CustomerID (not a known user)"), outcome);
    }

    @Test
    void badDebtAdjustmentIsSkippedWithItsReason() {
        assertEquals(new RowOutcome.Skipped("bad-debt adjustment (A invoice)"),
                row("A563185,B,Adjust bad debt,1,2011-08-12 14:50:00,11062.06,12345.0,United Kingdom"));
    }

    @Test
    void firstMatchingRuleGivesTheReason() {
        // The real file's A invoices have no CustomerID: they count as rows without a customer.
        assertEquals(new RowOutcome.Skipped("no CustomerID (not a known user)"),
                row("A563185,B,Adjust bad debt,1,2011-08-12 14:50:00,11062.06,,United Kingdom"));
    }

    @Test
    void fractionalCustomerIdIsRejectedNotRounded() {
        RowOutcome.Rejected rejected = (RowOutcome.Rejected) row(
                "536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850.5,United Kingdom");

        assertEquals("invalid userId", rejected.reason());
        assertEquals("userId (column 'CustomerID'): '17850.5' is not a whole number", rejected.detail());
    }

    @Test
    void impossibleDateIsRejected() {
        RowOutcome.Rejected rejected = (RowOutcome.Rejected) row(
                "536365,85123A,HOLDER,6,2011-02-30 08:26:00,2.55,17850.0,United Kingdom");

        assertEquals("invalid timestamp", rejected.reason());
        assertTrue(rejected.detail().contains("does not match time format 'yyyy-MM-dd HH:mm:ss'"), rejected.detail());
    }

    @Test
    void unparseablePriceIsRejected() {
        RowOutcome.Rejected rejected = (RowOutcome.Rejected) row(
                "536365,85123A,HOLDER,6,2010-12-01 08:26:00,n/a,17850.0,United Kingdom");

        assertEquals("invalid unitPrice", rejected.reason());
    }

    @Test
    void quotedDescriptionWithCommaIsOneField() {
        BehaviourEvent e = event(row(
                "536365,22423,\"REGENCY CAKESTAND, 3 TIER\",2,2010-12-01 08:26:00,12.75,17850.0,United Kingdom"));

        assertEquals("REGENCY CAKESTAND, 3 TIER", e.itemTitle());
    }

    @Test
    void rowWithMissingColumnsIsRejectedAsMalformed() {
        RowOutcome.Rejected rejected = (RowOutcome.Rejected) row("536365,85123A,HOLDER,6");

        assertEquals("malformed row", rejected.reason());
        assertEquals("expected 8 columns, got 4", rejected.detail());
    }

    @Test
    void identicalRowsKeepOneIdEachAndIdsRepeatOnReimport() {
        String line = "536409,22866,HAND WARMER SCOTTY DOG DESIGN,1,2010-12-01 11:45:00,2.1,17908.0,United Kingdom\n";
        String csv = HEADER + line + line + "536409,22900,SET 2 TEA TOWELS,1,2010-12-01 11:45:00,2.95,17908.0,United Kingdom\n";

        List<String> first = read(MAPPING, csv).stream().map(r -> event(r.outcome()).eventId()).toList();
        List<String> second = read(MAPPING, csv).stream().map(r -> event(r.outcome()).eventId()).toList();

        assertEquals(3, first.stream().distinct().count());
        assertNotEquals(first.get(0), first.get(1));
        assertEquals(first, second);
    }
}
