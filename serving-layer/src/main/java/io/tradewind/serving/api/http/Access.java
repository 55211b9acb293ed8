package io.tradewind.serving.api.http;

import io.tradewind.serving.api.auth.Permission;

/**
 * Who may call a route: anyone ({@link #OPEN}; credentials, when sent and valid, are still recognised, so
 * {@code /health} can show more to an admin), any identified caller ({@link #SIGNED_IN}: sign-out, "who am I"), or
 * a caller with one permission.
 */
public record Access(Permission permission, boolean identified) {
    public static final Access OPEN = new Access(null, false);
    public static final Access SIGNED_IN = new Access(null, true);

    public static Access to(Permission permission) {
        return new Access(permission, true);
    }
}
