package io.tradewind.serving.admin;

/**
 * A signed-in console session as stored (row key: SHA-256 of the cookie's token, which is never stored).
 *
 * @param tokenHash  hex SHA-256 of the token (the row key; also kept here to delete the row)
 * @param csrfToken  the synchroniser token every state-changing request of this session must send back
 * @param createdAt  epoch millis of the sign-in: the absolute expiry counts from it
 * @param lastSeenAt epoch millis of the last request: the idle expiry counts from it
 */
public record ConsoleSession(String tokenHash, String account, String csrfToken, long createdAt, long lastSeenAt) {
    public ConsoleSession seenAt(long millis) {
        return new ConsoleSession(tokenHash, account, csrfToken, createdAt, millis);
    }

    @Override
    public String toString() {
        return "ConsoleSession[" + account + "]";
    }
}
