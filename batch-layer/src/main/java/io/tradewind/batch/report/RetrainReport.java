package io.tradewind.batch.report;

import io.tradewind.batch.retrain.RetrainSignals;
import io.tradewind.contracts.views.Manifest;
import io.tradewind.contracts.views.SegmentsView;
import io.tradewind.core.portrait.Portrait;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The HTML report of one batch-view version: charts a data team looks at (segment sizes, RFM per segment,
 * country mix, how k was chosen, evaluation curves over K), in one self-contained file.
 */
public final class RetrainReport {
    private static final String[] RFM_AXES = {"recent (1 - recency)", "frequency", "monetary"};
    private static final int TOP_COUNTRIES = 12;

    /** One evaluation curve: a model's metric at each cut-off K. */
    public record Curve(String model, String metric, double[] ks, double[] values) {
    }

    private RetrainReport() {
    }

    /**
     * Charts only what the data has: a chart of nothing (no countries, no segments, no hold-out) is replaced by
     * one line saying what is absent, from {@code signals}.
     */
    public static String html(Manifest manifest, SegmentsView segments, List<Portrait> portraits, List<Curve> curves,
                              RetrainSignals signals) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Tradewind batch views ").append(esc(manifest.version())).append("</h1>\n");
        Manifest.Input in = manifest.input();
        body.append("<p>As of <b>").append(esc(manifest.asOf())).append("</b> · ")
                .append(String.format("%,d events · %,d users (%,d buyers) · %,d items · %,d user-item pairs",
                        in.events(), in.users(), in.buyers(), in.items(), in.pairs()))
                .append("</p>\n");
        body.append(signalsSection(signals));
        body.append("<div class=\"grid\">\n");
        figure(body, segmentSizes(segments, portraits));
        if (!segments.segments().isEmpty()) {
            figure(body, rfmRadar(segments));
        }
        Charts.Figure countries = countryMix(portraits);
        if (countries != null) {
            figure(body, countries);
        }
        if (!segments.kCurve().isEmpty()) {
            figure(body, kCurve(segments));
        }
        for (String metric : curves.stream().map(Curve::metric).distinct().toList()) {
            figure(body, evaluationChart(metric, curves.stream().filter(c -> c.metric().equals(metric)).toList()));
        }
        body.append("</div>\n");
        if (!segments.segments().isEmpty()) {
            body.append(segmentTable(segments, signals.prices()));
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tradewind "
                + esc(manifest.version()) + "</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222}"
                + ".grid{display:flex;flex-wrap:wrap;gap:1em}img{border:1px solid #ddd}figure{margin:0}figcaption{font-size:.85em;color:#555}"
                + "table{border-collapse:collapse}td,th{padding:.3em .8em;border-bottom:1px solid #ddd;text-align:right}"
                + "</style></head><body>\n" + body + "</body></html>\n";
    }

    private static Charts.Figure segmentSizes(SegmentsView s, List<Portrait> portraits) {
        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        s.segments().forEach(seg -> {
            names.add(seg.label());
            sizes.add(seg.users());
        });
        if (s.segments().isEmpty()) {
            names.add("unsegmented (too few buyers)");
            sizes.add((int) portraits.stream().filter(p -> !p.isNewUser()).count());
        }
        names.add("new (no purchase)");
        sizes.add((int) s.newUsers());
        return Charts.bars("Users per segment", "segment", "users", names, sizes);
    }

    /** RFM centroids scaled to 0..1 across segments, recency flipped so "bigger is better" on every axis. */
    private static Charts.Figure rfmRadar(SegmentsView s) {
        double[][] raw = s.segments().stream()
                .map(seg -> new double[] {-seg.centroidZ()[0], seg.centroidZ()[1], seg.centroidZ()[2]})
                .toArray(double[][]::new);
        List<double[]> scaled = new ArrayList<>();
        for (double[] row : raw) {
            double[] out = new double[3];
            for (int j = 0; j < 3; j++) {
                final int axis = j;
                double min = java.util.Arrays.stream(raw).mapToDouble(r -> r[axis]).min().orElse(0);
                double max = java.util.Arrays.stream(raw).mapToDouble(r -> r[axis]).max().orElse(1);
                out[j] = max - min < 1e-12 ? 0.5 : 0.05 + 0.95 * (row[j] - min) / (max - min);
            }
            scaled.add(out);
        }
        return Charts.radar("RFM profile per segment", RFM_AXES,
                s.segments().stream().map(SegmentsView.Segment::label).toList(), scaled);
    }

    private static String signalsSection(RetrainSignals s) {
        StringBuilder out = new StringBuilder("<h2>Signals the models saw</h2>\n<p>Events by behaviour: ");
        out.append(s.eventsByType().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> String.format("%s %,d", e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()))
                .collect(Collectors.joining(" · ")));
        out.append(String.format(". Weights %s; one matrix count = weight %s. Items: %,d seen, %,d given to the models."
                + "</p>%n", esc(s.behaviourWeights()), s.matrixUnit(), s.itemsSeen(), s.itemsModelled()));
        if (s.absent().isEmpty()) {
            return out.append("<p>Purchases, prices and countries are all present.</p>\n").toString();
        }
        out.append("<p><b>Not in this data set:</b></p>\n<ul>\n");
        s.absent().forEach(a -> out.append("<li>").append(esc(a)).append("</li>\n"));
        return out.append("</ul>\n").toString();
    }

    /** Null when no portrait has a country (a chart of nothing cannot be drawn, and says nothing). */
    private static Charts.Figure countryMix(List<Portrait> portraits) {
        Map<String, Long> counts = portraits.stream()
                .filter(p -> p.habits().country() != null)
                .collect(Collectors.groupingBy(p -> p.habits().country(), TreeMap::new, Collectors.counting()));
        List<Map.Entry<String, Long>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey))
                .limit(TOP_COUNTRIES).toList();
        if (top.isEmpty()) {
            return null;
        }
        return Charts.bars("Users per country (top " + TOP_COUNTRIES + ")", "country", "users",
                top.stream().map(Map.Entry::getKey).toList(), top.stream().map(Map.Entry::getValue).toList());
    }

    private static Charts.Figure kCurve(SegmentsView s) {
        double[] ks = s.kCurve().stream().mapToDouble(SegmentsView.KCurvePoint::k).toArray();
        double[] wcss = s.kCurve().stream().mapToDouble(SegmentsView.KCurvePoint::wcss).toArray();
        double maxWcss = java.util.Arrays.stream(wcss).max().orElse(1);
        double[] wcssShare = java.util.Arrays.stream(wcss).map(w -> w / maxWcss).toArray();
        double[] silhouette = s.kCurve().stream().mapToDouble(SegmentsView.KCurvePoint::silhouette).toArray();
        return Charts.lines("Choosing k: WCSS (share of k=2) and silhouette; chose k=" + s.k(), "k", "value", ks,
                List.of("WCSS / WCSS(k=2)", "silhouette"), List.of(wcssShare, silhouette));
    }

    private static Charts.Figure evaluationChart(String metric, List<Curve> curves) {
        return Charts.lines(metric + " over K (hold-out)", "K", metric, curves.get(0).ks(),
                curves.stream().map(Curve::model).toList(), curves.stream().map(Curve::values).toList());
    }

    private static String segmentTable(SegmentsView s, boolean prices) {
        StringBuilder t = new StringBuilder("<h2>Segments</h2>\n<table><tr><th>segment</th><th>users</th>"
                + "<th>recency (days)</th><th>purchases</th><th>revenue</th></tr>\n");
        for (SegmentsView.Segment seg : s.segments()) {
            t.append(String.format("<tr><th>%s</th><td>%,d</td><td>%.0f</td><td>%.1f</td><td>%s</td></tr>%n",
                    esc(seg.label()), seg.users(), seg.recencyDays(), seg.frequency(),
                    prices ? String.format("%,.0f", seg.monetary()) : "no prices"));
        }
        return t.append("</table>\n<p>Centroids are geometric means (K-means runs on standardised log RFM).</p>\n").toString();
    }

    private static void figure(StringBuilder body, Charts.Figure figure) {
        body.append("<figure><img width=\"").append(Charts.WIDTH).append("\" alt=\"").append(esc(figure.title()))
                .append("\" src=\"").append(figure.dataUri()).append("\"><figcaption>").append(esc(figure.title()))
                .append("</figcaption></figure>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
