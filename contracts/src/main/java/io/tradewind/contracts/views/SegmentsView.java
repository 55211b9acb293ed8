package io.tradewind.contracts.views;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tradewind.core.portrait.KSelection;
import io.tradewind.core.portrait.Portrait;
import io.tradewind.core.portrait.PortraitBuilder;
import io.tradewind.core.portrait.SegmentModel;
import io.tradewind.core.portrait.Standardiser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code segments.json}: the segmentation a version publishes. Enough to assign a new user to a segment
 * exactly as the batch job did (standardiser + centroids) and to show how k was chosen, plus the country mix of
 * all portraits and a few example users per segment (the first in portrait order) for dashboards.
 */
public record SegmentsView(
        int k,
        Integer elbowK,
        String chosenBy,
        List<KCurvePoint> kCurve,
        List<Segment> segments,
        double[] standardiserMean,
        double[] standardiserScale,
        long newUsers,
        Map<String, Integer> countries,
        Map<String, List<String>> examples) {

    public static final String FILE = "segments.json";

    /** Example users kept per segment (for dashboards and the demo's user picker). */
    static final int EXAMPLES_PER_SEGMENT = 3;
    /** {@code chosenBy} of a version without segments (k = 0): too few buyers to cluster. */
    public static final String UNSEGMENTED = "not segmented: fewer than "
            + PortraitBuilder.MIN_BUYERS_TO_SEGMENT + " buyers in the portrait window";

    /** WCSS and silhouette for one tried k. */
    public record KCurvePoint(int k, double wcss, double silhouette) {
    }

    /** One segment: its label, size, centroid standardised and in units (days, occasions, revenue). */
    public record Segment(String label, int users, double[] centroidZ, double recencyDays, double frequency,
                          double monetary) {
    }

    public static SegmentsView of(PortraitBuilder.Result result) {
        SegmentModel model = result.model();
        List<Segment> segments = new ArrayList<>();
        for (int c = 0; model != null && c < model.centroids().length; c++) {
            double[] units = model.centroidInUnits(c);
            segments.add(new Segment(model.labels()[c], result.segmentSizes()[c], model.centroids()[c], units[0],
                    units[1], units[2]));
        }
        List<KCurvePoint> curve = new ArrayList<>();
        KSelection.Choice choice = result.kChoice();
        if (choice != null) {
            choice.candidates().forEach(c -> curve.add(new KCurvePoint(c.k(), c.wcss(), c.silhouette())));
        }
        long newUsers = result.portraits().stream().filter(p -> p.isNewUser()).count();
        Map<String, Integer> countries = new TreeMap<>();
        Map<String, List<String>> examples = new TreeMap<>();
        for (Portrait p : result.portraits()) {
            if (p.habits() != null && p.habits().country() != null) {
                countries.merge(p.habits().country(), 1, Integer::sum);
            }
            List<String> some = examples.computeIfAbsent(p.segment(), s -> new ArrayList<>());
            if (some.size() < EXAMPLES_PER_SEGMENT) {
                some.add(p.userId());
            }
        }
        if (model == null) {
            return new SegmentsView(0, null, UNSEGMENTED, curve, segments, new double[0], new double[0], newUsers,
                    countries, examples);
        }
        return new SegmentsView(model.centroids().length, choice == null ? null : choice.elbowK(),
                choice == null ? "fixed by --segments" : "WCSS elbow, then best silhouette among elbow-1..elbow+1",
                curve, segments, model.standardiser().mean(), model.standardiser().scale(), newUsers, countries,
                examples);
    }

    /**
     * The segmentation as core's {@link SegmentModel} (standardiser, centroids, labels), to assign a user exactly as
     * the batch did; empty for a version without segments (k = 0).
     */
    public Optional<SegmentModel> model() {
        if (k == 0 || segments == null || segments.isEmpty()) {
            return Optional.empty();
        }
        double[][] centroids = new double[segments.size()][];
        String[] labels = new String[segments.size()];
        for (int c = 0; c < centroids.length; c++) {
            centroids[c] = segments.get(c).centroidZ();
            labels[c] = segments.get(c).label();
        }
        return Optional.of(new SegmentModel(new Standardiser(standardiserMean, standardiserScale), centroids, labels));
    }

    /** {@value #FILE} of a version folder; empty when the version has none (written before segments existed). */
    public static Optional<SegmentsView> read(FileSystem fs, Path versionDir) throws IOException {
        Path file = new Path(versionDir, FILE);
        if (!fs.exists(file)) {
            return Optional.empty();
        }
        try (InputStream in = fs.open(file)) {
            return Optional.of(ViewJson.MAPPER.readValue(in, SegmentsView.class));
        } catch (JsonProcessingException e) {
            throw new IOException(FILE + " of " + versionDir.getName() + " is not a valid SegmentsView: "
                    + e.getOriginalMessage(), e);
        }
    }
}
