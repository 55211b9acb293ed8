package io.tradewind.serving.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.views.SegmentsView;
import io.tradewind.core.portrait.Habits;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.core.portrait.Rfm;
import io.tradewind.serving.catalogue.SearchHit;
import io.tradewind.serving.recommend.Recommendation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Money and scores as the API writes them: rounded in the answer, the records untouched. */
class AnswerNumbersTest {
    @Test
    void moneyHasTwoDecimalPlacesAndScoresFourSignificantDigits() {
        assertEquals("12.50", AnswerNumbers.money(12.5).toPlainString());
        assertEquals("2.68", AnswerNumbers.money(2.675000001).toPlainString());
        assertEquals("0.00", AnswerNumbers.money(0.0).toPlainString());
        assertEquals("0.1235", AnswerNumbers.score(0.123456789).toPlainString());
        assertEquals("12.35", AnswerNumbers.score(12.3456).toPlainString());
        assertEquals("0.004321", AnswerNumbers.score(0.0043214).toPlainString());
        assertEquals("123457", AnswerNumbers.score(123456.7).toPlainString(), "the whole part is never rounded");
        assertEquals("-1.235", AnswerNumbers.score(-1.23456).toPlainString());
        assertEquals("0.5", AnswerNumbers.score(0.5).toPlainString());
        assertEquals("0", AnswerNumbers.score(0.0).toPlainString());
    }

    @Test
    void everyAnswerRecordWithMoneyOrScoresIsRoundedWhenWritten() throws Exception {
        Portrait portrait = new Portrait("12347", "high-value", new Rfm(2.3333333, 7, 4310.004999),
                new double[] {-1.234567, 0.5, 2.0000001},
                new Habits("Iceland", 14, "TUESDAY", List.of(), List.of("heart"), 26.142857, 615.714285, 0.0416666));
        String json = Json.MAPPER.writeValueAsString(Map.of("portrait", portrait));
        assertTrue(json.contains("\"recencyDays\":2.333"), json);
        assertTrue(json.contains("\"frequency\":7"), json);
        assertTrue(json.contains("\"monetary\":4310.00"), json);
        assertTrue(json.contains("\"rfmZ\":[-1.235,0.5,2]"), json);
        assertTrue(json.contains("\"avgBasketLines\":26.14"), json);
        assertTrue(json.contains("\"avgBasketValue\":615.71"), json);
        assertTrue(json.contains("\"returnRate\":0.04167"), json);
        assertEquals(4310.004999, portrait.rfm().monetary(), "the record keeps the exact value");

        String hit = Json.MAPPER.writeValueAsString(new SearchHit("85123A", "HEART", 2.954999999, null, List.of(), 11.87654321,
                List.of()));
        assertTrue(hit.contains("\"price\":2.95,") && hit.contains("\"score\":11.88"), hit);

        String rec = Json.MAPPER.writeValueAsString(new Recommendation("85123A", null, 0.000123456, "batch", "model EASE"));
        assertTrue(rec.contains("\"score\":0.0001235"), rec);

        String segment = Json.MAPPER.writeValueAsString(new SegmentsView.Segment("loyal", 3, new double[] {0.123456},
                12.3456, 4.56789, 1234.5678));
        assertTrue(segment.contains("\"centroidZ\":[0.1235]") && segment.contains("\"recencyDays\":12.35")
                && segment.contains("\"frequency\":4.568") && segment.contains("\"monetary\":1234.57"), segment);
        String curve = Json.MAPPER.writeValueAsString(new SegmentsView.KCurvePoint(3, 2345.6789, 0.3321234));
        assertTrue(curve.contains("\"wcss\":2346") && curve.contains("\"silhouette\":0.3321"), curve);
    }
}
