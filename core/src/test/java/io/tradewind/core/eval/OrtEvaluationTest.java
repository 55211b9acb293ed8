package io.tradewind.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.core.model.FitCache;
import io.tradewind.core.model.FittedModel;
import io.tradewind.core.model.Interactions;
import io.tradewind.core.model.PopularityRecommender;
import io.tradewind.core.model.Recommender;
import io.tradewind.core.model.UserHistory;
import io.tradewind.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grid search, refit and report shape on a small synthetic shop. */
class OrtEvaluationTest {

    /**
     * Ten users buy from ten items in July, August and September 2011: "i0" is popular, and each user also buys
     * a personal item again in every month (so repeating the past wins track A).
     */
    private static List<Purchase> shop() {
        List<Purchase> purchases = new ArrayList<>();
        String[] months = {"2011-07-15 10:00:00", "2011-08-15 10:00:00", "2011-09-15 10:00:00"};
        for (int m = 0; m < months.length; m++) {
            long t = OnlineRetailCsv.millis(months[m]);
            for (int u = 0; u < 10; u++) {
                String invoice = m + "-" + u;
                purchases.add(new Purchase("u" + u, "i0", invoice, t));
                purchases.add(new Purchase("u" + u, "i" + (1 + u % 9), invoice, t));
                purchases.add(new Purchase("u" + u, "i" + (1 + (u + m + 1) % 9), invoice, t));
            }
        }
        return purchases;
    }

    /** Popularity under another name; {@code inverted} ranks the least popular first. */
    private record Probe(int id, boolean inverted) implements Recommender {
        @Override
        public String name() {
            return "Probe";
        }

        @Override
        public Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("id", id);
            return params;
        }

        @Override
        public FittedModel fit(Interactions train, ProgressListener progress) {
            FittedModel pop = new PopularityRecommender().fit(train, progress);
            return new FittedModel() {
                @Override
                public Interactions train() {
                    return train;
                }

                @Override
                public void score(UserHistory history, double[] out) {
                    pop.score(history, out);
                    if (inverted) {
                        for (int i = 0; i < out.length; i++) {
                            out[i] = -out[i];
                        }
                    }
                }
            };
        }
    }

    private static OnlineRetailCsv.Cleaned cleaned(List<Purchase> purchases) {
        CleaningReport cleaning = new CleaningReport("synthetic", purchases.size(), 0, 0, 0, 0, purchases.size(), 10,
                10);
        return new OnlineRetailCsv.Cleaned(cleaning, purchases);
    }

    @Test
    void choosesTheFirstOfEqualPointsAndRefitsOncePerChoice() {
        OrtEvaluation.Splits splits = OrtEvaluation.Splits.of(cleaned(shop()));
        ModelFamily family = new ModelFamily("Probe",
                List.of(new Probe(0, true), new Probe(1, false), new Probe(2, false)), EnumSet.allOf(Track.class));
        OrtEvaluation.FamilyOutcome outcome = OrtEvaluation.searchAndTest(family, splits, new FitCache(), Set.of(),
                ProgressListener.NONE);

        // Point 0 (inverted) is worse; 1 and 2 are equal, so 1 wins on both tracks and is refitted once.
        for (Track track : Track.values()) {
            List<EvaluationReport.ValidationPoint> points = outcome.validation().stream()
                    .filter(v -> v.track() == track).toList();
            assertEquals(3, points.size());
            assertTrue(points.get(0).metrics().at(10).ndcg() < points.get(1).metrics().at(10).ndcg());
            assertEquals(points.get(1).metrics().at(10).ndcg(), points.get(2).metrics().at(10).ndcg());
            assertFalse(points.get(0).chosen());
            assertTrue(points.get(1).chosen());
            assertFalse(points.get(2).chosen());
        }
        assertEquals(2, outcome.results().size());
        outcome.results().forEach(r -> assertEquals(1, r.params().get("id")));
        assertEquals(4, outcome.fits().size(), "three validation fits and one refit");
        assertEquals("< 2011-09-01", outcome.fits().get(3).trainWindow());
    }

    @Test
    void writesTheShapeOfThePeersResultFile() throws IOException {
        EvaluationReport report = OrtEvaluation.run(cleaned(shop()),
                OrtEvaluation.Options.defaults().withModels(List.of("Pop", "Repeat")), ProgressListener.NONE);
        assertEquals(3, report.results().size(), "Pop on A and B, Repeat on A");

        ObjectMapper json = new ObjectMapper();
        JsonNode ours = json.readTree(ReportJson.toJson(report));
        Path peersFile = OnlineRetailFixture.csv().getParent().getParent().resolve("eval").resolve("peers.json");
        JsonNode peers = json.readTree(peersFile.toFile());

        assertEquals(keys(peers), keys(ours));
        assertEquals(keys(peers.get("data")), keys(ours.get("data")));
        assertEquals(keys(peers.get("splits").get(0)), keys(ours.get("splits").get(0)));
        assertEquals(keys(peers.get("splits").get(0).get("tracks").get("A")),
                keys(ours.get("splits").get(0).get("tracks").get("A")));
        assertEquals(keys(peers.get("fits").get(0)), keys(ours.get("fits").get(0)));
        assertSameEntryShape(peers.get("results").get(0), ours.get("results").get(0));
        assertSameEntryShape(peers.get("validation").get(0), ours.get("validation").get(0));
        assertEquals("OR-T", ours.get("results").get(0).get("protocol").asText());
        assertEquals("", ours.get("results").get(0).get("variant").asText());
    }

    private static void assertSameEntryShape(JsonNode expected, JsonNode actual) {
        assertEquals(keys(expected), keys(actual));
        assertEquals(keys(expected.get("atK")), keys(actual.get("atK")));
        assertEquals(keys(expected.get("atK").get("10")), keys(actual.get("atK").get("10")));
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }
}
