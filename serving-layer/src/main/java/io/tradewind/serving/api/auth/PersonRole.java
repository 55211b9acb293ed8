package io.tradewind.serving.api.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a person signed in to the console may do. Machines keep API keys and their {@link Role}s.
 * <ul>
 *   <li>admin: everything, accounts' API keys included;</li>
 *   <li>merchandiser: categories and which products they hold (with product search to find them);</li>
 *   <li>analyst: reads only: versions with their metrics, categories, the audit log.</li>
 * </ul>
 */
public enum PersonRole {
    ADMIN(EnumSet.allOf(Permission.class)),
    MERCHANDISER(EnumSet.of(Permission.SEARCH_PRODUCTS, Permission.READ_CATEGORIES, Permission.EDIT_CATEGORIES)),
    ANALYST(EnumSet.of(Permission.SEARCH_PRODUCTS, Permission.READ_VERSIONS, Permission.READ_CATEGORIES,
            Permission.READ_AUDIT));

    private final Set<Permission> permissions;

    PersonRole(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean grants(Permission p) {
        return permissions.contains(p);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** {@code merchandiser}: how commands, answers and the audit write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code admin}, {@code merchandiser} or {@code analyst}, any case. */
    public static PersonRole parse(String label) {
        for (PersonRole r : values()) {
            if (r.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + label + "'; one of admin, merchandiser, analyst");
    }
}
