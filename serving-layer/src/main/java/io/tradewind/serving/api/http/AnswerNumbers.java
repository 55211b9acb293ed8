package io.tradewind.serving.api.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.tradewind.contracts.views.SegmentsView;
import io.tradewind.core.portrait.Habits;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.core.portrait.Rfm;
import io.tradewind.serving.catalogue.SearchHit;
import io.tradewind.serving.recommend.Recommendation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the API writes the numbers people read: money with two decimal places ({@code 12.50}), scores and other
 * measures to four significant digits without ever rounding the whole part ({@code 0.004321}, {@code 12.35},
 * {@code 1234}). Only the answer is rounded: the records the stores and models compute with stay exact, because
 * the rounding is attached to the answer writer ({@link Json#MAPPER}) as Jackson mix-ins, listed here and nowhere
 * else. A new answer field carrying money or a score belongs in this list.
 *
 * <p>Rounded: portraits (RFM, z values, basket value, basket lines, return rate), recommendation scores, similar
 * items' similarity (annotated on the api package's own record, which this package cannot name), search hits' price
 * and score, segments (centroids in z and in units, the k curve). Not rounded:
 * the segmentation's standardiser (its exact mean and scale reproduce the batch's assignment) and price-facet
 * bounds (already round numbers).
 */
public final class AnswerNumbers {
    /** Significant digits of a score or measure. */
    static final int SCORE_DIGITS = 4;
    private static final int MAX_SCALE = 12;

    private AnswerNumbers() {
    }

    /** Money as people read it: two decimal places, half up. */
    public static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    /** A score or measure: {@value #SCORE_DIGITS} significant digits, the digits before the point always kept. */
    public static BigDecimal score(double value) {
        if (value == 0.0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = BigDecimal.valueOf(value);
        int wholeDigits = exact.precision() - exact.scale();
        int scale = Math.min(MAX_SCALE, Math.max(0, SCORE_DIGITS - wholeDigits));
        return exact.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** The module {@link Json#MAPPER} registers: the mix-ins below. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("tradewind-answer-numbers");
        module.setMixInAnnotation(Rfm.class, RfmNumbers.class);
        module.setMixInAnnotation(Portrait.class, PortraitNumbers.class);
        module.setMixInAnnotation(Habits.class, HabitsNumbers.class);
        module.setMixInAnnotation(Recommendation.class, RecommendationNumbers.class);
        module.setMixInAnnotation(SearchHit.class, SearchHitNumbers.class);
        module.setMixInAnnotation(SegmentsView.Segment.class, SegmentNumbers.class);
        module.setMixInAnnotation(SegmentsView.KCurvePoint.class, KCurveNumbers.class);
        return module;
    }

    /** Writes a number as money. */
    public static final class Money extends JsonSerializer<Number> {
        @Override
        public void serialize(Number value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(money(value.doubleValue()));
        }
    }

    /** Writes a number as a score. */
    public static final class Score extends JsonSerializer<Number> {
        @Override
        public void serialize(Number value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            writeScore(gen, value.doubleValue());
        }
    }

    /** Writes each number of an array as a score. */
    public static final class Scores extends JsonSerializer<double[]> {
        @Override
        public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray(values, values.length);
            for (double v : values) {
                writeScore(gen, v);
            }
            gen.writeEndArray();
        }
    }

    private static void writeScore(JsonGenerator gen, double value) throws IOException {
        if (Double.isFinite(value)) {
            gen.writeNumber(score(value).toPlainString());
        } else {
            gen.writeNumber(value);
        }
    }

    abstract static class RfmNumbers {
        @JsonSerialize(using = Score.class)
        abstract double recencyDays();

        @JsonSerialize(using = Money.class)
        abstract Double monetary();
    }

    abstract static class PortraitNumbers {
        @JsonSerialize(using = Scores.class)
        abstract double[] rfmZ();
    }

    abstract static class HabitsNumbers {
        @JsonSerialize(using = Score.class)
        abstract double avgBasketLines();

        @JsonSerialize(using = Money.class)
        abstract double avgBasketValue();

        @JsonSerialize(using = Score.class)
        abstract double returnRate();
    }

    abstract static class RecommendationNumbers {
        @JsonSerialize(using = Score.class)
        abstract double score();
    }

    abstract static class SearchHitNumbers {
        @JsonSerialize(using = Money.class)
        abstract Double price();

        @JsonSerialize(using = Score.class)
        abstract double score();
    }

    abstract static class SegmentNumbers {
        @JsonSerialize(using = Scores.class)
        abstract double[] centroidZ();

        @JsonSerialize(using = Score.class)
        abstract double recencyDays();

        @JsonSerialize(using = Score.class)
        abstract double frequency();

        @JsonSerialize(using = Money.class)
        abstract double monetary();
    }

    abstract static class KCurveNumbers {
        @JsonSerialize(using = Score.class)
        abstract double wcss();

        @JsonSerialize(using = Score.class)
        abstract double silhouette();
    }
}
