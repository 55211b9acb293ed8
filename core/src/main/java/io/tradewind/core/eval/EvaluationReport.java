package io.tradewind.core.eval;

import java.util.List;
import java.util.Map;

/**
 * Everything one evaluation run measured, in the shape of the peers' {@code peers.json} (see
 * {@link ReportJson}): run facts, cleaning counts, split sizes, the test results of the chosen
 * hyper-parameters, every validation grid point and every timed fit.
 */
public record EvaluationReport(String protocol, Run run, CleaningReport data, List<SplitSummary> splits,
                               List<Result> results, List<ValidationPoint> validation, List<Fit> fits) {

    /** Facts about the run. */
    public record Run(String timestamp, int cores, String java, double totalSeconds, double loadSeconds,
                      boolean quick) {
    }

    /** Sizes of one split; {@code tracks} maps "A"/"B" to truth items and test users. */
    public record SplitSummary(String label, String trainWindow, String testWindow, long trainInteractions,
                               int trainPairs, int trainUsers, int candidates, int usersWithBoth,
                               Map<Track, TrackSize> tracks) {
    }

    public record TrackSize(long truthItems, int testUsers) {
    }

    /** A test result: a model with the hyper-parameters chosen on validation for this track. */
    public record Result(String protocol, String variant, Track track, String model, Map<String, Object> params,
                         double fitSeconds, TrackMetrics metrics) {
    }

    /** One grid point on the validation split; {@code chosen} marks the track's pick. */
    public record ValidationPoint(Track track, String model, Map<String, Object> params, boolean chosen,
                                  double fitSeconds, TrackMetrics metrics) {
    }

    /** One timed fit. */
    public record Fit(String model, Map<String, Object> params, String trainWindow, double seconds) {
    }

    /** The result of a model on a track of a protocol. */
    public Result result(String protocol, Track track, String model) {
        return results.stream()
                .filter(r -> r.protocol().equals(protocol) && r.track() == track && r.model().equals(model))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + protocol + "/" + track + "/" + model));
    }
}
