package io.tradewind.infra.ops;

import io.tradewind.batch.retrain.metrics.TextFormatSample;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One scrape of a Prometheus endpoint or text file, as the samples it holds. */
public record Scrape(String source, List<TextFormatSample> samples) {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static Scrape of(String source, String text) {
        return new Scrape(source, TextFormatSample.parseAll(text));
    }

    /** GETs {@code url} and reads its answer, which must be 200. */
    public static Scrape http(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return of(url, r.body());
    }

    /** The sample names it exports ({@code _bucket}, {@code _sum}, {@code _count} of histograms included). */
    public Set<String> names() {
        return samples.stream().map(TextFormatSample::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The samples named {@code name} whose labels include {@code labels}. */
    public List<TextFormatSample> find(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name)
                && s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    public List<TextFormatSample> find(String name) {
        return find(name, Map.of());
    }
}
