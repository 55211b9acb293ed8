package io.tradewind.serving.admin;

import io.tradewind.serving.api.auth.PasswordHasher;
import io.tradewind.serving.api.auth.PersonRole;
import java.time.Instant;
import java.util.Map;

/**
 * What an operator does to console accounts ({@code ./tradewind admin add-user|reset-password|disable|enable}):
 * each change is audited with the operator's name, and a disabled account or a reset password ends the account's
 * sessions at once. There is no default account and no default password: the first account is made this way.
 */
public final class ConsoleAccounts {
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final AuditLog audit;
    private final PasswordHasher hasher;

    public ConsoleAccounts(AccountStore accounts, SessionStore sessions, AuditLog audit, PasswordHasher hasher) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.hasher = hasher;
    }

    /** On the admin tables of {@code namespace} (created when missing), as the CLI reaches a running stack's HBase. */
    public static ConsoleAccounts on(org.apache.hadoop.hbase.client.Connection connection, String namespace)
            throws java.io.IOException {
        AdminTables.createIfAbsent(connection, namespace);
        return new ConsoleAccounts(new AccountStore(connection, namespace), new SessionStore(connection, namespace),
                new AuditLog(connection, namespace, java.time.Clock.systemUTC()), PasswordHasher.standard());
    }

    /** @throws IllegalArgumentException for a bad name, a weak password or a name taken */
    public Account add(String name, PersonRole role, char[] password, String operator) {
        checkName(name);
        checkPassword(password);
        Account a = new Account(name, role, hasher.hash(password), false, 0, 0, Instant.now().toString());
        if (!accounts.create(a)) {
            throw new IllegalArgumentException("an account named '" + name + "' exists already; "
                    + "use reset-password to give it a new password");
        }
        audit.record(operator, "add-account", name, Map.of("role", role.label()));
        return a;
    }

    /** A new password; unlocks the account and ends its sessions. */
    public int resetPassword(String name, char[] password, String operator) {
        checkPassword(password);
        Account a = existing(name);
        accounts.replace(a.withPasswordHash(hasher.hash(password)));
        int ended = sessions.deleteAllOf(name);
        audit.record(operator, "reset-password", name, Map.of("sessionsEnded", ended));
        return ended;
    }

    /** Disables the account and ends its sessions; returns how many sessions ended. */
    public int disable(String name, String operator) {
        Account a = existing(name);
        accounts.replace(a.withDisabled(true));
        int ended = sessions.deleteAllOf(name);
        audit.record(operator, "disable-account", name, Map.of("sessionsEnded", ended));
        return ended;
    }

    public void enable(String name, String operator) {
        Account a = existing(name);
        accounts.replace(a.withDisabled(false).withFailures(0, 0));
        audit.record(operator, "enable-account", name, Map.of());
    }

    private Account existing(String name) {
        return accounts.get(name).orElseThrow(() -> new IllegalArgumentException("no account named '" + name + "'"));
    }

    private static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")) {
            throw new IllegalArgumentException("an account name is 1 to 64 letters, digits, '.', '_', '@' or '-', "
                    + "starting with a letter or digit");
        }
    }

    private static void checkPassword(char[] password) {
        String weakness = PasswordHasher.weakness(password);
        if (weakness != null) {
            throw new IllegalArgumentException(weakness);
        }
    }
}
