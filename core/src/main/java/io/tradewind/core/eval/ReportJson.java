package io.tradewind.core.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link EvaluationReport} as JSON with the field names of the peers' {@code peers.json} (PEERS.md
 * "Result file contract"), so two result files compare line by line.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static void write(EvaluationReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(report));
    }

    public static String toJson(EvaluationReport report) {
        try {
            return MAPPER.writeValueAsString(toTree(report));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the report", e);
        }
    }

    static Map<String, Object> toTree(EvaluationReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("protocol", report.protocol());
        EvaluationReport.Run run = report.run();
        Map<String, Object> runTree = new LinkedHashMap<>();
        runTree.put("timestamp", run.timestamp());
        runTree.put("cores", run.cores());
        runTree.put("java", run.java());
        runTree.put("totalSeconds", run.totalSeconds());
        runTree.put("loadSeconds", run.loadSeconds());
        runTree.put("quick", run.quick());
        root.put("run", runTree);

        CleaningReport data = report.data();
        Map<String, Object> dataTree = new LinkedHashMap<>();
        dataTree.put("file", data.file());
        dataTree.put("rowsRead", data.rowsRead());
        dataTree.put("droppedNoCustomer", data.droppedNoCustomer());
        dataTree.put("droppedCancelOrAdjust", data.droppedCancelOrAdjust());
        dataTree.put("droppedNonPositive", data.droppedNonPositive());
        dataTree.put("droppedNonProductCode", data.droppedNonProductCode());
        dataTree.put("kept", data.kept());
        dataTree.put("users", data.users());
        dataTree.put("items", data.items());
        root.put("data", dataTree);

        List<Object> splits = new ArrayList<>();
        for (EvaluationReport.SplitSummary split : report.splits()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("label", split.label());
            s.put("trainWindow", split.trainWindow());
            s.put("testWindow", split.testWindow());
            s.put("trainInteractions", split.trainInteractions());
            s.put("trainPairs", split.trainPairs());
            s.put("trainUsers", split.trainUsers());
            s.put("candidates", split.candidates());
            s.put("usersWithBoth", split.usersWithBoth());
            Map<String, Object> tracks = new LinkedHashMap<>();
            split.tracks().forEach((track, size) -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("truthItems", size.truthItems());
                t.put("testUsers", size.testUsers());
                tracks.put(track.name(), t);
            });
            s.put("tracks", tracks);
            splits.add(s);
        }
        root.put("splits", splits);

        List<Object> results = new ArrayList<>();
        for (EvaluationReport.Result result : report.results()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("protocol", result.protocol());
            r.put("variant", result.variant());
            r.put("track", result.track().name());
            r.put("model", result.model());
            r.put("params", result.params());
            r.put("fitSeconds", result.fitSeconds());
            putMetrics(r, result.metrics());
            results.add(r);
        }
        root.put("results", results);

        List<Object> validation = new ArrayList<>();
        for (EvaluationReport.ValidationPoint point : report.validation()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("track", point.track().name());
            v.put("model", point.model());
            v.put("params", point.params());
            v.put("chosen", point.chosen());
            v.put("fitSeconds", point.fitSeconds());
            putMetrics(v, point.metrics());
            validation.add(v);
        }
        root.put("validation", validation);

        List<Object> fits = new ArrayList<>();
        for (EvaluationReport.Fit fit : report.fits()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("model", fit.model());
            f.put("params", fit.params());
            f.put("trainWindow", fit.trainWindow());
            f.put("seconds", fit.seconds());
            fits.add(f);
        }
        root.put("fits", fits);
        return root;
    }

    private static void putMetrics(Map<String, Object> entry, TrackMetrics metrics) {
        entry.put("users", metrics.users());
        entry.put("coverageAt10", metrics.coverageAt10());
        Map<String, Object> atK = new LinkedHashMap<>();
        metrics.atK().forEach((k, m) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("precision", m.precision());
            values.put("recall", m.recall());
            values.put("f1", m.f1());
            values.put("meanF1", m.meanF1());
            values.put("hitRate", m.hitRate());
            values.put("ndcg", m.ndcg());
            values.put("mrr", m.mrr());
            atK.put(Integer.toString(k), values);
        });
        entry.put("atK", atK);
    }
}
