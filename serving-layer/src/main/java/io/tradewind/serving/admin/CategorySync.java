package io.tradewind.serving.admin;

import io.tradewind.serving.catalogue.CatalogueIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes the live catalogue's category field follow the category definitions: every item gets the category its
 * title matches now (or none), written only where it changed. Run after each category change and after a
 * publish (new items).
 */
public final class CategorySync {
    /** How many items changed category (set, moved or cleared). */
    public record Synced(int items, int changed) {
    }

    private final CategoryStore categories;
    private final CatalogueIndex catalogue;

    public CategorySync(CategoryStore categories, CatalogueIndex catalogue) {
        this.categories = categories;
        this.catalogue = catalogue;
    }

    public Synced apply() {
        Map<String, String> currentCategoryById = catalogue.liveCategories();
        Map<String, String> titles = catalogue.liveTitles();
        Map<String, String> wanted = new CategoryAssigner(categories.list()).assign(titles);
        Map<String, List<String>> byTarget = new HashMap<>();
        int changed = 0;
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            String now = currentCategoryById.get(e.getKey());
            if (!Objects.equals(now, e.getValue())) {
                byTarget.computeIfAbsent(e.getValue() == null ? "" : e.getValue(), k -> new ArrayList<>()).add(e.getKey());
                changed++;
            }
        }
        byTarget.forEach((category, items) -> catalogue.setCategory(items, category.isEmpty() ? null : category));
        return new Synced(titles.size(), changed);
    }
}
