package io.tradewind.serving.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradewind.serving.admin.ConsoleAccess;
import io.tradewind.serving.admin.ConsoleSession;
import io.tradewind.serving.admin.SignInRefused;
import io.tradewind.serving.api.auth.Caller;
import io.tradewind.serving.api.auth.Permission;
import io.tradewind.serving.api.http.ApiException;
import io.tradewind.serving.api.http.ApiRequest;
import io.tradewind.serving.api.http.ApiResponse;
import io.tradewind.serving.api.http.CallerCheck;
import io.tradewind.serving.api.http.Endpoint;
import io.tradewind.serving.api.http.Json;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The console's sign-in ({@code POST /v1/auth/sign-in}), sign-out and "who am I" ({@code GET /v1/auth/session}).
 * The session token travels only in an HttpOnly, SameSite=Strict cookie (Secure over TLS or behind it); the answer
 * carries the CSRF token the page sends back on every change.
 */
final class AuthEndpoints {
    /** Who is signed in and what they may do; {@code csrfToken} only for a session. */
    record Session(String account, String role, List<String> permissions, String csrfToken) {
        static Session of(Caller caller) {
            return new Session(caller.name(), caller.role(),
                    Arrays.stream(Permission.values()).filter(caller::may).map(p -> p.name().toLowerCase()).toList(),
                    caller.session() == null ? null : caller.session().csrfToken());
        }
    }

    private final ConsoleAccess access;

    AuthEndpoints(ConsoleAccess access) {
        this.access = access;
    }

    Endpoint signIn() {
        return request -> {
            String type = request.contentType();
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                // A form on another site can post text/plain but not JSON without the browser asking this server
                // first (CORS), so this keeps other sites from signing a visitor in to an account of theirs.
                throw new ApiException(415, "send the sign-in as Content-Type: application/json");
            }
            JsonNode body;
            try {
                body = Json.MAPPER.readTree(request.body());
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !body.path("account").isTextual() || !body.path("password").isTextual()) {
                throw new ApiException(400, "send {\"account\": \"…\", \"password\": \"…\"}");
            }
            char[] password = body.path("password").asText().toCharArray();
            ConsoleAccess.SignedIn in;
            try {
                in = access.signIn(body.path("account").asText().strip(), password,
                        request.cookie(CallerCheck.SESSION_COOKIE));
            } catch (SignInRefused e) {
                int status = switch (e.reason()) {
                    case LOCKED -> 429;
                    case DISABLED -> 403;
                    default -> 401;
                };
                // The browser's earlier session, if any, ended all the same; its stale cookie is refused as unknown.
                throw new ApiException(status, e.getMessage());
            } finally {
                Arrays.fill(password, '\0');
            }
            Caller caller = Caller.of(in.session(), in.account().role());
            return ApiResponse.json(200, Session.of(caller))
                    .withHeader("Set-Cookie", cookie(request, in.token(), (int) access.policy().absoluteTimeout().toSeconds()));
        };
    }

    Endpoint signOut() {
        return request -> {
            ConsoleSession session = request.caller().session();
            if (session == null) {
                throw new ApiException(400, "sign-out ends a console session; this request came with an API key");
            }
            access.signOut(session);
            return ApiResponse.json(200, java.util.Map.of("signedOut", session.account()))
                    .withHeader("Set-Cookie", cookie(request, "", 0));
        };
    }

    Endpoint session() {
        return request -> Session.of(request.caller());
    }

    private String cookie(ApiRequest request, String value, int maxAgeSeconds) {
        boolean secure = request.overTls() || access.policy().secureCookies();
        return CallerCheck.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
