package io.tradewind.core.realtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The real-time list's "also bought" part: items similar to what the user has just shown interest in, each
 * scored by Σ interest(j) · similarity(j, i) over the user's recent items j, and explained by the recent item that
 * contributed most ({@code neighbour-of:<item>}). Cost per call is recent items × neighbours per item, never the
 * catalogue.
 */
public final class NeighbourCandidates {
    /** A candidate with its score and why it is there. */
    public record Candidate(String item, double score, String reason) {
    }

    /** A similar item and its similarity, as the batch views publish them. */
    public record Neighbour(String item, double similarity) {
    }

    private NeighbourCandidates() {
    }

    /**
     * @param recent     the user's recent items, strongest first ({@link RecentInteractions#strongestAt})
     * @param neighbours an item's neighbours (empty for an item the batch model has not seen)
     * @param exclude    items never to offer (e.g. just bought, for "new to you" lists)
     * @param n          how many to return at most
     */
    public static List<Candidate> score(List<RecentInteractions.Interaction> recent,
                                        Function<String, List<Neighbour>> neighbours, Set<String> exclude, int n) {
        Map<String, double[]> totals = new HashMap<>(); // item -> {score, best contribution}
        Map<String, String> because = new HashMap<>();
        for (RecentInteractions.Interaction r : recent) {
            for (Neighbour nb : neighbours.apply(r.item())) {
                if (nb.item().equals(r.item()) || exclude.contains(nb.item())) {
                    continue;
                }
                double contribution = r.weight() * nb.similarity();
                double[] t = totals.computeIfAbsent(nb.item(), k -> new double[2]);
                t[0] += contribution;
                if (contribution > t[1]) {
                    t[1] = contribution;
                    because.put(nb.item(), r.item());
                }
            }
        }
        List<Candidate> out = new ArrayList<>(totals.size());
        totals.forEach((item, t) -> {
            if (t[0] > 0) {
                out.add(new Candidate(item, t[0], "neighbour-of:" + because.get(item)));
            }
        });
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::item));
        return out.size() > n ? new ArrayList<>(out.subList(0, n)) : out;
    }
}
