package io.tradewind.serving.admin;

import io.tradewind.serving.api.auth.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Signing people in and out of the console and checking their sessions, on the shared {@link AccountStore} and
 * {@link SessionStore}. Passwords are checked with Argon2id, also for unknown accounts (against a dummy hash), so
 * an unknown name and a wrong password take as long and answer the same. Wrong passwords in a row slow the answer
 * down and then lock the account for a while; both are audited. Every sign-in makes a new random token (the one the
 * browser had is dropped); the session ends on sign-out, after the idle or absolute timeout, and when its account is
 * disabled (checked on every request).
 */
public final class ConsoleAccess {
    /** A successful sign-in: the cookie's token (shown to nobody else, stored nowhere) and the session. */
    public record SignedIn(String token, ConsoleSession session, Account account) {
    }

    /** A live session with its account as it is now. */
    public record Authenticated(ConsoleSession session, Account account) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Only write last-seen when it moved this much: not one HBase write per click. */
    private static final long TOUCH_MILLIS = 30_000;

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final SessionPolicy policy;
    private final Clock clock;
    private final String dummyHash;
    private final UnknownNameFailures unknownNames = new UnknownNameFailures(10_000);

    public ConsoleAccess(AccountStore accounts, SessionStore sessions, AuditLog audit, PasswordHasher hasher,
                         SessionPolicy policy, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
        this.dummyHash = hasher.dummy();
    }

    public SessionPolicy policy() {
        return policy;
    }

    /**
     * Checks the password and opens a new session; ends {@code previousToken}'s session, if any (rotation).
     *
     * @throws SignInRefused BAD_CREDENTIALS, LOCKED or DISABLED
     */
    public SignedIn signIn(String name, char[] password, String previousToken) {
        if (previousToken != null) {
            sessions.delete(tokenHash(previousToken));
        }
        Optional<Account> found = name == null || name.isBlank() || name.length() > 100 ? Optional.empty() : accounts.get(name);
        boolean matches = hasher.verify(password, found.map(Account::passwordHash).orElse(dummyHash));
        long now = clock.millis();
        if (found.isEmpty()) {
            // Treated like an account's failures (the same growing wait, the same lock), so neither the time an
            // answer takes nor a lock tells a guesser which names exist.
            String key = name == null ? "" : name;
            long lockedUntil = unknownNames.lockedUntil(key, now);
            if (lockedUntil > now) {
                throw locked(lockedUntil);
            }
            int failures = unknownNames.fail(key, now, policy.maxFailures(), policy.lockout().toMillis());
            if (failures >= policy.maxFailures()) {
                throw locked(unknownNames.lockedUntil(key, now));
            }
            pause(policy.failureDelay().multipliedBy(failures));
            throw badCredentials();
        }
        Account account = found.get();
        if (account.lockedUntil() > now) {
            throw locked(account.lockedUntil());
        }
        if (account.lockedUntil() != 0) {
            account = account.withFailures(0, 0); // the lock has run out: a fresh count
        }
        if (!matches) {
            int failures = account.failedSignIns() + 1;
            if (failures >= policy.maxFailures()) {
                Account locked = account.withFailures(0, now + policy.lockout().toMillis());
                accounts.replace(locked);
                audit.record(account.name(), "account-locked", account.name(),
                        Map.of("failures", failures, "until", Instant.ofEpochMilli(locked.lockedUntil()).toString()));
                throw locked(locked.lockedUntil());
            }
            accounts.replace(account.withFailures(failures, 0));
            audit.record(account.name(), "sign-in-failed", account.name(), Map.of("failures", failures));
            pause(policy.failureDelay().multipliedBy(failures));
            throw badCredentials();
        }
        if (account.disabled()) {
            throw new SignInRefused(SignInRefused.Reason.DISABLED,
                    "this account is disabled; ask an admin to enable it (./tradewind admin reset-password)");
        }
        if (account.failedSignIns() != 0 || account.lockedUntil() != 0) {
            accounts.replace(account.withFailures(0, 0));
        }
        String token = randomToken();
        ConsoleSession session = new ConsoleSession(tokenHash(token), account.name(), randomToken(), now, now);
        sessions.put(session);
        audit.record(account.name(), "sign-in", account.name(), Map.of("role", account.role().label()));
        return new SignedIn(token, session, account);
    }

    /**
     * The session the token names, if it is still live and its account still enabled.
     *
     * @throws SignInRefused NO_SESSION or EXPIRED
     */
    public Authenticated authenticate(String token) {
        String hash = tokenHash(token);
        ConsoleSession session = sessions.get(hash).orElseThrow(() -> new SignInRefused(SignInRefused.Reason.NO_SESSION,
                "not signed in, or the session ended: sign in again"));
        long now = clock.millis();
        String expired = now - session.createdAt() >= policy.absoluteTimeout().toMillis()
                ? "your session expired (sessions last at most " + human(policy.absoluteTimeout()) + ")"
                : now - session.lastSeenAt() >= policy.idleTimeout().toMillis()
                ? "your session expired (unused for " + human(policy.idleTimeout()) + ")" : null;
        if (expired != null) {
            sessions.delete(hash);
            throw new SignInRefused(SignInRefused.Reason.EXPIRED, expired + ": sign in again");
        }
        Optional<Account> account = accounts.get(session.account());
        if (account.isEmpty() || account.get().disabled()) {
            sessions.delete(hash);
            throw new SignInRefused(SignInRefused.Reason.NO_SESSION,
                    "your account is disabled, so its session ended; ask an admin");
        }
        if (now - session.lastSeenAt() >= TOUCH_MILLIS) {
            session = session.seenAt(now);
            sessions.put(session);
        }
        return new Authenticated(session, account.get());
    }

    public void signOut(ConsoleSession session) {
        sessions.delete(session.tokenHash());
        audit.record(session.account(), "sign-out", session.account(), Map.of());
    }

    /** Hex SHA-256 of a token: the session's row key. */
    public static String tokenHash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }

    /** Whether the CSRF token a request sent is the session's (constant time). */
    public static boolean csrfMatches(ConsoleSession session, String sent) {
        return sent != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    private SignInRefused badCredentials() {
        return new SignInRefused(SignInRefused.Reason.BAD_CREDENTIALS, "wrong account name or password");
    }

    private SignInRefused locked(long until) {
        return new SignInRefused(SignInRefused.Reason.LOCKED, "too many failed sign-ins: this account is locked until "
                + Instant.ofEpochMilli(until).truncatedTo(ChronoUnit.SECONDS)
                + "; try again then, or ask an admin to reset the password");
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String human(Duration d) {
        return d.toMinutes() >= 60 && d.toMinutes() % 60 == 0 ? d.toHours() + " h"
                : d.toSeconds() >= 60 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
