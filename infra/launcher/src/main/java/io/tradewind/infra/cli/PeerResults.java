package io.tradewind.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The best peer figures per OR-T track, read from a result file of the shared shape ({@code peers.json}). */
record PeerResults(Map<String, Best> bestByTrack) {

    /** The best peer value of each headline metric on one track, with the model that reached it. */
    record Best(String ndcgModel, double ndcgAt10, String recallModel, double recallAt20) {
    }

    static Optional<PeerResults> read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        JsonNode results = new ObjectMapper().readTree(file.toFile()).path("results");
        Map<String, Best> best = new HashMap<>();
        for (JsonNode r : results) {
            if (!"OR-T".equals(r.path("protocol").asText()) || !r.path("variant").asText().isEmpty()) {
                continue;
            }
            String track = r.path("track").asText();
            double ndcg = r.path("atK").path("10").path("ndcg").asDouble();
            double recall = r.path("atK").path("20").path("recall").asDouble();
            String model = r.path("model").asText();
            Best old = best.get(track);
            best.put(track, new Best(
                    old == null || ndcg > old.ndcgAt10() ? model : old.ndcgModel(),
                    old == null ? ndcg : Math.max(ndcg, old.ndcgAt10()),
                    old == null || recall > old.recallAt20() ? model : old.recallModel(),
                    old == null ? recall : Math.max(recall, old.recallAt20())));
        }
        return Optional.of(new PeerResults(best));
    }
}
