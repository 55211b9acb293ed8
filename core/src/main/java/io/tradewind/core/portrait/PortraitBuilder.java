package io.tradewind.core.portrait;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns per-user activity at an as-of time into portraits: RFM, standardisation, K-means segments (k given
 * or chosen by {@link KSelection}), labels and habits. Users without purchases form the new-user stratum.
 */
public final class PortraitBuilder {
    /** Everything the batch views publish about segmentation. */
    public record Result(List<Portrait> portraits, SegmentModel model, int[] segmentSizes, KSelection.Choice kChoice) {
        /** False when there were too few buyers to cluster: {@code model} is then null, buyers are "unsegmented". */
        public boolean segmented() {
            return model != null;
        }
    }

    /** K-means over fewer users than this says nothing (k is at least 2). */
    public static final int MIN_BUYERS_TO_SEGMENT = 3;

    private final long asOfMillis;
    private final Integer fixedK;
    private final long seed;

    /** {@code fixedK} null means: choose k by elbow and silhouette over 2..8. */
    public PortraitBuilder(long asOfMillis, Integer fixedK, long seed) {
        this.asOfMillis = asOfMillis;
        this.fixedK = fixedK;
        this.seed = seed;
    }

    public Result build(List<UserActivity> activities) {
        List<UserActivity> buyers = new ArrayList<>();
        List<double[]> features = new ArrayList<>();
        for (UserActivity a : activities) {
            if (a.hasPurchases()) {
                buyers.add(a);
                features.add(Rfm.of(a, asOfMillis).logFeatures());
            }
        }
        if (buyers.size() < MIN_BUYERS_TO_SEGMENT) {
            return unsegmented(activities);
        }
        Standardiser standardiser = Standardiser.fit(features);
        List<double[]> z = features.stream().map(standardiser::apply).toList();
        KSelection.Choice choice = null;
        KMeans.Result clustering;
        if (fixedK == null) {
            choice = KSelection.choose(z, 2, 8, seed);
            clustering = choice.chosen().result();
        } else {
            clustering = new KMeans(fixedK, 5, seed).fit(z);
        }
        String[] labels = SegmentLabeller.label(clustering.centroids());
        SegmentModel model = new SegmentModel(standardiser, clustering.centroids(), labels);

        List<Portrait> portraits = new ArrayList<>(activities.size());
        for (int i = 0; i < buyers.size(); i++) {
            UserActivity a = buyers.get(i);
            portraits.add(new Portrait(a.userId(), labels[clustering.assignment()[i]], Rfm.of(a, asOfMillis), z.get(i),
                    Habits.of(a)));
        }
        for (UserActivity a : activities) {
            if (!a.hasPurchases()) {
                portraits.add(new Portrait(a.userId(), SegmentLabeller.NEW_USERS, null, null, Habits.of(a)));
            }
        }
        return new Result(portraits, model, clustering.sizes(), choice);
    }

    /** A click log (or a young shop) still gets portraits: habits and RFM where there are purchases, no segments. */
    private Result unsegmented(List<UserActivity> activities) {
        List<Portrait> portraits = new ArrayList<>(activities.size());
        for (UserActivity a : activities) {
            portraits.add(a.hasPurchases()
                    ? new Portrait(a.userId(), SegmentLabeller.UNSEGMENTED, Rfm.of(a, asOfMillis), null, Habits.of(a))
                    : new Portrait(a.userId(), SegmentLabeller.NEW_USERS, null, null, Habits.of(a)));
        }
        return new Result(portraits, null, new int[0], null);
    }
}
