package io.tradewind.serving.admin;

import java.time.Duration;

/**
 * How console sessions and sign-in failures behave.
 *
 * @param idleTimeout     a session unused this long has ended ({@code api.session.idle-timeout})
 * @param absoluteTimeout a session this old has ended, used or not ({@code api.session.absolute-timeout})
 * @param secureCookies   mark the session cookie Secure on plain-HTTP requests too: the API is behind a TLS load
 *                        balancer ({@code api.behind-tls}); requests that arrive over TLS always get it
 * @param maxFailures     wrong passwords in a row that lock the account ({@code api.sign-in.max-failures})
 * @param lockout         how long it stays locked ({@code api.sign-in.lockout})
 * @param failureDelay    each failure's answer waits this times the failures so far (slows guessing before the lock)
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteTimeout, boolean secureCookies, int maxFailures,
                            Duration lockout, Duration failureDelay) {
    public static SessionPolicy defaults() {
        return new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), false, 5, Duration.ofMinutes(15),
                Duration.ofMillis(200));
    }

    public SessionPolicy withTimeouts(Duration idle, Duration absolute) {
        return new SessionPolicy(idle, absolute, secureCookies, maxFailures, lockout, failureDelay);
    }

    public SessionPolicy withSecureCookies(boolean value) {
        return new SessionPolicy(idleTimeout, absoluteTimeout, value, maxFailures, lockout, failureDelay);
    }

    public SessionPolicy withLockout(int failures, Duration duration, Duration delay) {
        return new SessionPolicy(idleTimeout, absoluteTimeout, secureCookies, failures, duration, delay);
    }
}
