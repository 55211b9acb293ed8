package io.tradewind.serving.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English stems of a text ("CANDLE HOLDERS" → {@code candl holder}), computed here with Lucene's
 * {@link EnglishAnalyzer} (standard tokenizer, possessives, lowercase, stop words, Porter stemmer) rather than by
 * Elasticsearch, whose minimal distribution has no {@code english} analyzer. Titles and queries go through the same
 * code, so both sides always agree.
 */
final class EnglishStems {
    // Analyzers are thread-safe: each thread reuses its own token stream.
    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private EnglishStems() {
    }

    static List<String> of(String text) {
        List<String> stems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return stems;
        }
        try (TokenStream tokens = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                stems.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stem a string", e); // only readers of a String: does not happen
        }
        return stems;
    }

    /** The stems joined by spaces, as indexed into and queried against {@code title_stems}. */
    static String joined(String text) {
        return String.join(" ", of(text));
    }
}
