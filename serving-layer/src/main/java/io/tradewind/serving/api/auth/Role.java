package io.tradewind.serving.api.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an API key (a machine) may do: a shop calls the shop API; an admin key may do everything, the admin API
 * included. People sign in with accounts instead and have a {@link PersonRole}.
 */
public enum Role {
    SHOP(EnumSet.of(Permission.SERVE_SHOPS, Permission.SEARCH_PRODUCTS)),
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean allows(Role required) {
        return this == ADMIN || this == required;
    }
}
