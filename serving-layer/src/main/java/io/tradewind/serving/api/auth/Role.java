package io.tradewind.serving.api.auth;

/** What an API key may do. An admin may also do everything a shop may. */
public enum Role {
    SHOP, ADMIN;

    public boolean allows(Role required) {
        return this == ADMIN || this == required;
    }
}
