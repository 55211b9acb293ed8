package io.tradewind.serving.catalogue;

import io.tradewind.core.portrait.Portrait;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a search is personalised by: the shopper's country and segment (boosting items on those groups' most-bought
 * lists), the title words they buy most (the portrait's {@code topWords}, counted with the same
 * {@link io.tradewind.core.portrait.TitleWords} rules as the index's {@code title_words}) and items they bought
 * recently. Every part may be absent.
 */
public record UserAffinity(String country, String segment, List<String> topWords, List<String> recentItems) {
    /** More words than a portrait keeps would only dilute the boost. */
    static final int MAX_WORDS = 5;
    static final int MAX_RECENT_ITEMS = 50;

    public UserAffinity {
        topWords = topWords == null ? List.of()
                : topWords.stream().filter(Objects::nonNull).map(w -> w.toLowerCase(Locale.ROOT)).distinct()
                        .limit(MAX_WORDS).toList();
        recentItems = recentItems == null ? List.of()
                : recentItems.stream().filter(Objects::nonNull).limit(MAX_RECENT_ITEMS).toList();
    }

    /** From a portrait (country, segment, top words); recent items come from elsewhere, see {@link #withRecentItems}. */
    public static UserAffinity of(Portrait portrait) {
        var habits = portrait.habits();
        return new UserAffinity(habits == null ? null : habits.country(), portrait.segment(),
                habits == null ? List.of() : habits.topWords(), List.of());
    }

    public UserAffinity withRecentItems(List<String> items) {
        return new UserAffinity(country, segment, topWords, items);
    }
}
