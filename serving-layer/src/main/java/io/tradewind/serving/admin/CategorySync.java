package io.tradewind.serving.admin;

import io.tradewind.serving.catalogue.CatalogueIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Makes the live catalogue's category field follow the admin's category definitions: every item gets the category
 * its title matches now (or none), written only where it changed. Items whose category came from the data itself
 * (a source with categories) are left alone: only categories the admin manages are set, moved or cleared. Run after
 * each category change and after a publish (new items).
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
        return apply(Set.of());
    }

    /** @param formerNames names the admin managed before this change (a renamed or deleted category's) */
    public Synced apply(Set<String> formerNames) {
        List<Category> defined = categories.list();
        Set<String> managed = new HashSet<>(formerNames);
        defined.forEach(c -> managed.add(c.name()));
        Map<String, String> currentCategoryById = catalogue.liveCategories();
        Map<String, String> titles = new HashMap<>(catalogue.liveTitles());
        titles.keySet().removeIf(id -> {
            String current = currentCategoryById.get(id);
            return current != null && !managed.contains(current);
        });
        Map<String, String> wanted = new CategoryAssigner(defined).assign(titles);
        Map<String, List<String>> byTarget = new HashMap<>();
        int changed = 0;
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            String current = currentCategoryById.get(e.getKey());
            if (!Objects.equals(current, e.getValue())) {
                byTarget.computeIfAbsent(e.getValue() == null ? "" : e.getValue(), k -> new ArrayList<>()).add(e.getKey());
                changed++;
            }
        }
        byTarget.forEach((category, items) -> catalogue.setCategory(items, category.isEmpty() ? null : category));
        return new Synced(titles.size(), changed);
    }
}
