package io.tradewind.serving.admin;

/** A sign-in or a session the console refuses, with the message the person reads. */
public final class SignInRefused extends RuntimeException {
    /** Why; the API maps each to its status. */
    public enum Reason {
        /** Unknown account or wrong password: one answer for both, so names cannot be probed. */
        BAD_CREDENTIALS,
        /** Too many wrong passwords in a row. */
        LOCKED,
        /** Right password, disabled account. */
        DISABLED,
        /** No such session (signed out, never signed in, ended by an admin). */
        NO_SESSION,
        /** The session timed out (idle or absolute). */
        EXPIRED
    }

    private final Reason reason;

    public SignInRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
