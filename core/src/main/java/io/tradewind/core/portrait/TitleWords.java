package io.tradewind.core.portrait;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a product title into the words that say what a user likes ("heart", "lantern"), not filler. */
public final class TitleWords {
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "the", "of", "in", "on", "with", "for", "to", "set", "pack", "box", "size", "small",
            "large", "big", "mini", "new", "assorted", "colour", "colours", "design", "designs", "piece", "pcs");

    private TitleWords() {
    }

    public static List<String> of(String title) {
        List<String> words = new ArrayList<>();
        if (title == null) {
            return words;
        }
        for (String raw : title.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (raw.length() >= 3 && !STOP_WORDS.contains(raw)) {
                words.add(raw);
            }
        }
        return words;
    }
}
