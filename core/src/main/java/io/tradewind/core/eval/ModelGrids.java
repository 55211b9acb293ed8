package io.tradewind.core.eval;

import io.tradewind.core.model.AlsRecommender;
import io.tradewind.core.model.EaseRecommender;
import io.tradewind.core.model.FitCache;
import io.tradewind.core.model.FreshBlendRecommender;
import io.tradewind.core.model.ItemKnnRecommender;
import io.tradewind.core.model.PopularityRecommender;
import io.tradewind.core.model.Recommender;
import io.tradewind.core.model.RepeatRecommender;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The model families of the OR-T evaluation with their grids: the peers' grids of PROTOCOL.md section 6 for
 * Pop, Repeat, ItemKNN, EASE and ALS, and Tradewind's FreshBlend. Quick mode keeps a few points per family.
 */
public final class ModelGrids {
    /** Family names in report order. */
    public static final List<String> ALL = List.of("Pop", "Repeat", "ItemKNN", "EASE", "ALS", "FreshBlend");

    private static final int ALS_ITERATIONS = 15;
    private static final long SEED = 42L;

    private ModelGrids() {
    }

    /**
     * The families named in {@code names} (all when empty), in report order.
     *
     * @param cache shared by the FreshBlend grid points, so each EASE and ALS component is fitted once
     */
    public static List<ModelFamily> families(List<String> names, boolean quick, int threads, FitCache cache) {
        List<ModelFamily> families = new ArrayList<>();
        for (String name : ALL) {
            if (names.isEmpty() || names.stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
                families.add(family(name, quick, threads, cache));
            }
        }
        for (String name : names) {
            if (ALL.stream().noneMatch(n -> n.equalsIgnoreCase(name))) {
                throw new IllegalArgumentException("unknown model '" + name + "'; known: " + ALL);
            }
        }
        return families;
    }

    private static ModelFamily family(String name, boolean quick, int threads, FitCache cache) {
        Set<Track> both = EnumSet.allOf(Track.class);
        List<Recommender> grid = new ArrayList<>();
        switch (name) {
            case "Pop" -> grid.add(new PopularityRecommender());
            case "Repeat" -> {
                // Track B removes the user's own items, which are all Repeat ranks first.
                return new ModelFamily(name, List.of(new RepeatRecommender()), EnumSet.of(Track.A));
            }
            case "ItemKNN" -> {
                for (int k : quick ? new int[] {25, 100} : new int[] {10, 25, 50, 100, 200, 400}) {
                    grid.add(new ItemKnnRecommender(k));
                }
            }
            case "EASE" -> {
                for (double lambda : quick ? new double[] {200, 800} : new double[] {50, 100, 200, 400, 800, 1600}) {
                    grid.add(new EaseRecommender(lambda, threads));
                }
            }
            case "ALS" -> {
                int[] ranks = quick ? new int[] {64} : new int[] {32, 64};
                double[] alphas = quick ? new double[] {0.25, 1} : new double[] {0.25, 1, 4};
                double[] regs = quick ? new double[] {0.3} : new double[] {0.03, 0.1, 0.3, 1};
                for (int rank : ranks) {
                    for (double alpha : alphas) {
                        for (double reg : regs) {
                            grid.add(als(rank, alpha, reg, threads));
                        }
                    }
                }
            }
            case "FreshBlend" -> grid.addAll(freshBlendGrid(quick, threads, cache));
            default -> throw new IllegalArgumentException("unknown model " + name);
        }
        return new ModelFamily(name, grid, both);
    }

    private static AlsRecommender als(int rank, double alpha, double reg, int threads) {
        return new AlsRecommender(rank, alpha, reg, ALS_ITERATIONS, 3, SEED, threads);
    }

    /**
     * EASE lambda x ALS weight x freshness x collaborative weight. The own-item exponents (repeat rate 1,
     * liveness 0.5) and the ALS component (64 factors, alpha 1, reg 0.3) are fixed: a wider validation-only
     * exploration never preferred other values, and fixing them keeps the grid at 72 points.
     */
    static List<Recommender> freshBlendGrid(boolean quick, int threads, FitCache cache) {
        FreshBlendRecommender.Settings base = FreshBlendRecommender.Settings.defaults()
                .withAls(als(64, 1.0, 0.3, threads)).withRepeatRateExponent(1.0).withLivenessExponent(0.5);
        List<Recommender> grid = new ArrayList<>();
        for (double lambda : quick ? new double[] {400} : new double[] {200, 400, 800}) {
            for (double alsWeight : quick ? new double[] {0.5} : new double[] {0, 0.5}) {
                for (double freshness : quick ? new double[] {0.5, 0.7} : new double[] {0.3, 0.5, 0.7}) {
                    for (double cfWeight : quick ? new double[] {0.3} : new double[] {0.1, 0.2, 0.3, 0.5}) {
                        grid.add(new FreshBlendRecommender(base.withEase(lambda).withAlsWeight(alsWeight)
                                .withFreshness(freshness).withCfWeight(cfWeight), cache));
                    }
                }
            }
        }
        return grid;
    }
}
