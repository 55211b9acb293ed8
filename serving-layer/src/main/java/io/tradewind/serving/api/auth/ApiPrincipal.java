package io.tradewind.serving.api.auth;

/** The caller behind an API key: the key's name (for the audit log) and its role. */
public record ApiPrincipal(String name, Role role) {
    public static final ApiPrincipal ANONYMOUS = new ApiPrincipal("anonymous", null);

    public boolean isAnonymous() {
        return role == null;
    }
}
