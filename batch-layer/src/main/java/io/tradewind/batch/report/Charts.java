package io.tradewind.batch.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.RadarChart;
import org.knowm.xchart.RadarChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** Small chart factory for the retrain report: each chart comes back as a titled inline PNG. */
final class Charts {
    /** A rendered chart: its title (also the image's text alternative) and a PNG data URI. */
    record Figure(String title, String dataUri) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 380;

    private Charts() {
    }

    static Figure bars(String title, String xTitle, String yTitle, List<String> categories, List<? extends Number> values) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 6 ? 45 : 0);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.addSeries(yTitle, categories, values);
        return png(chart);
    }

    /** One polygon per series over the same axes (e.g. RFM per segment, scaled to 0..1). */
    static Figure radar(String title, String[] axes, List<String> seriesNames, List<double[]> values) {
        RadarChart chart = new RadarChartBuilder().width(WIDTH).height(HEIGHT).title(title).build();
        chart.setRadiiLabels(axes);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (int i = 0; i < seriesNames.size(); i++) {
            chart.addSeries(seriesNames.get(i), values.get(i));
        }
        return png(chart);
    }

    /** Lines over a shared numeric x axis (evaluation curves over K, WCSS over k). */
    static Figure lines(String title, String xTitle, String yTitle, double[] x, List<String> names, List<double[]> ys) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (int i = 0; i < names.size(); i++) {
            chart.addSeries(names.get(i), x, ys.get(i));
        }
        return png(chart);
    }

    private static Figure png(Chart<?, ?> chart) {
        try {
            byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return new Figure(chart.getTitle(), "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart '" + chart.getTitle() + "'", e);
        }
    }
}
