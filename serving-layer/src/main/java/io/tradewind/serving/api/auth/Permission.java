package io.tradewind.serving.api.auth;

/**
 * One kind of action on the API. Routes name the permission they need; API-key roles ({@link Role}) and people's
 * roles ({@link PersonRole}) each grant a set of them, so "who may do what" is read in those two enums only.
 */
public enum Permission {
    SERVE_SHOPS("serve shops (recommendations, portraits, events)"),
    SEARCH_PRODUCTS("search products"),
    READ_VERSIONS("see model versions"),
    SWITCH_VERSIONS("activate or roll back a version"),
    READ_CATEGORIES("see categories"),
    EDIT_CATEGORIES("change categories and assign products"),
    READ_AUDIT("read the audit log"),
    MANAGE_API_KEYS("create, list and revoke API keys"),
    READ_HEALTH_DETAILS("see each dependency's health");

    private final String action;

    Permission(String action) {
        this.action = action;
    }

    /** What it lets one do, for messages: "switch versions". */
    public String action() {
        return action;
    }

    /** The people's roles that have it, for a 403's "this needs role …". */
    public String neededRoles() {
        StringBuilder out = new StringBuilder();
        for (PersonRole r : PersonRole.values()) {
            if (r.grants(this)) {
                out.append(out.length() == 0 ? "" : " or ").append(r.label());
            }
        }
        return out.toString();
    }
}
