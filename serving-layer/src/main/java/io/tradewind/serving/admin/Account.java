package io.tradewind.serving.admin;

import io.tradewind.serving.api.auth.PersonRole;

/**
 * A person's console account. The password is kept only as an Argon2id PHC string; {@link #toString()} leaves it
 * out so no log line can carry it.
 *
 * @param failedSignIns wrong passwords since the last successful sign-in (or the last lock)
 * @param lockedUntil   epoch millis until which sign-in is refused after too many failures; 0 when not locked
 */
public record Account(String name, PersonRole role, String passwordHash, boolean disabled, int failedSignIns,
                      long lockedUntil, String createdAt) {

    public Account withPasswordHash(String hash) {
        return new Account(name, role, hash, disabled, 0, 0, createdAt);
    }

    public Account withDisabled(boolean value) {
        return new Account(name, role, passwordHash, value, failedSignIns, lockedUntil, createdAt);
    }

    public Account withFailures(int failures, long until) {
        return new Account(name, role, passwordHash, disabled, failures, until, createdAt);
    }

    @Override
    public String toString() {
        return "Account[" + name + ", " + role.label() + (disabled ? ", disabled" : "") + "]";
    }
}
