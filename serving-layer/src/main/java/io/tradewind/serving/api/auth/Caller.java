package io.tradewind.serving.api.auth;

import io.tradewind.serving.admin.ConsoleSession;
import java.util.Locale;
import java.util.Set;

/**
 * Who a request comes from: an API key, a person's session, or nobody. The audit log records {@link #name()};
 * a session caller also carries the session, for sign-out and the CSRF check.
 *
 * @param name    the key's name or the account's
 * @param role    the key's role or the person's role, as written in messages ({@code shop}, {@code merchandiser})
 * @param session the session when the caller came with a session cookie, else null
 */
public record Caller(String name, String role, Set<Permission> permissions, ConsoleSession session) {
    public static final Caller ANONYMOUS = new Caller("anonymous", null, Set.of(), null);

    public Caller {
        permissions = Set.copyOf(permissions);
    }

    public static Caller of(ApiPrincipal key) {
        return new Caller(key.name(), key.role().name().toLowerCase(Locale.ROOT), key.role().permissions(), null);
    }

    public static Caller of(ConsoleSession session, PersonRole personRole) {
        return new Caller(session.account(), personRole.label(), personRole.permissions(), session);
    }

    public boolean may(Permission p) {
        return permissions.contains(p);
    }

    public boolean isAnonymous() {
        return role == null;
    }

    public boolean viaSession() {
        return session != null;
    }
}
