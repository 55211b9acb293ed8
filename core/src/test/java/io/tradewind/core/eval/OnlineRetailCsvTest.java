package io.tradewind.core.eval;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cleaning rules of PROTOCOL.md section 1 on a hand-made sample (one row per case). */
class OnlineRetailCsvTest {

    private static OnlineRetailCsv.Cleaned sample() throws IOException {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                OnlineRetailCsvTest.class.getResourceAsStream("/eval/online_retail_sample.csv")),
                StandardCharsets.UTF_8)) {
            return OnlineRetailCsv.clean(reader, "online_retail_sample.csv");
        }
    }

    @Test
    void countsEachDroppedRowUnderTheFirstRuleItFails() throws IOException {
        CleaningReport report = sample().report();
        assertEquals(11, report.rowsRead());
        assertEquals(1, report.droppedNoCustomer());
        assertEquals(2, report.droppedCancelOrAdjust(), "C and A invoices, though they also fail later rules");
        assertEquals(2, report.droppedNonPositive());
        assertEquals(2, report.droppedNonProductCode());
        assertEquals(4, report.kept());
        assertEquals(3, report.users());
        assertEquals(4, report.items());
    }

    @Test
    void normalisesUsersStripsFieldsAndKeepsCodeCase() throws IOException {
        List<Purchase> kept = sample().purchases();
        assertEquals(new Purchase("17850", "85123A", "536365", OnlineRetailCsv.millis("2010-12-01 08:26:00"), 6),
                kept.get(0));
        assertEquals("17850", kept.get(1).user(), "spaces around the CustomerID are stripped");
        assertEquals("85123a", kept.get(2).item(), "codes are case-sensitive");
        assertEquals("47566", kept.get(3).item());
        assertEquals(OnlineRetailCsv.millis("2011-12-09 12:50:00"), kept.get(3).timestamp());
    }

    @Test
    void keepsProductReturnLinesApartFromTheInteractions() throws IOException {
        String csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "541431,23166,MEDIUM CERAMIC TOP STORAGE JAR,74215,2011-01-18 10:01:00,1.04,12346.0,United Kingdom\n"
                + "C541433,23166,MEDIUM CERAMIC TOP STORAGE JAR,-74215,2011-01-18 10:17:00,1.04,12346.0,United Kingdom\n"
                + "C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom\n"
                + "C536380,22633,HAND WARMER,-2,2010-12-01 09:41:00,1.85,,United Kingdom\n";
        OnlineRetailCsv.Cleaned cleaned = OnlineRetailCsv.clean(new java.io.StringReader(csv), "inline.csv");
        assertEquals(2, cleaned.report().droppedCancelOrAdjust(), "counted under rule 2 as the protocol says");
        assertEquals(1, cleaned.report().droppedNoCustomer());
        assertEquals(List.of(new Purchase("12346", "23166", "541431", OnlineRetailCsv.millis("2011-01-18 10:01:00"),
                74_215)), cleaned.purchases());
        assertEquals(List.of(new Purchase("12346", "23166", "C541433", OnlineRetailCsv.millis("2011-01-18 10:17:00"),
                74_215)), cleaned.returns(), "a product line of a C invoice; the discount line is none");
    }

    @Test
    void matchesFiveLeadingAsciiDigits() {
        assertTrue(OnlineRetailCsv.startsWithFiveDigits("85123A"));
        assertTrue(OnlineRetailCsv.startsWithFiveDigits("15056BL"));
        assertFalse(OnlineRetailCsv.startsWithFiveDigits("8512"));
        assertFalse(OnlineRetailCsv.startsWithFiveDigits("POST"));
        assertFalse(OnlineRetailCsv.startsWithFiveDigits("DCGS0003"));
        assertFalse(OnlineRetailCsv.startsWithFiveDigits("\u0661\u0662\u0663\u0664\u0665"));
    }
}
