package io.tradewind.serving.admin;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides each item's category from its title: the first category (by name) with a keyword among the title's
 * words. A keyword also matches its plural ("holder" matches HOLDERS), the common case in product titles. An item
 * assigned to a category by hand is in that category whatever its title says.
 */
public final class CategoryAssigner {
    private final List<Category> ordered;
    private final Map<String, String> assigned = new HashMap<>();

    public CategoryAssigner(List<Category> categories) {
        this.ordered = categories.stream().sorted(Comparator.comparing(Category::name)).toList();
        for (Category c : ordered) {
            c.items().forEach(item -> assigned.putIfAbsent(item, c.name()));
        }
    }

    /** @return the category of the item with this id and title, or null when none applies */
    public String categoryOf(String id, String title) {
        String byHand = assigned.get(id);
        return byHand != null ? byHand : categoryOf(title);
    }

    /** @return the category name, or null when none applies */
    public String categoryOf(String title) {
        if (title == null || ordered.isEmpty()) {
            return null;
        }
        Set<String> words = new HashSet<>();
        for (String w : title.toLowerCase(Locale.ROOT).split("[^a-z0-9-]+")) {
            if (!w.isEmpty()) {
                words.add(w);
                if (w.endsWith("es")) {
                    words.add(w.substring(0, w.length() - 2));
                }
                if (w.endsWith("s")) {
                    words.add(w.substring(0, w.length() - 1));
                }
            }
        }
        for (Category c : ordered) {
            for (String k : c.keywords()) {
                if (words.contains(k)) {
                    return c.name();
                }
            }
        }
        return null;
    }

    /** Category of every item, by id; items without a category map to null (the catalogue clears the field). */
    public Map<String, String> assign(Map<String, String> titlesById) {
        Map<String, String> out = new HashMap<>();
        titlesById.forEach((id, title) -> out.put(id, categoryOf(id, title)));
        return out;
    }
}
