package io.tradewind.serving.api.http;

import io.tradewind.serving.admin.ConsoleAccess;
import io.tradewind.serving.admin.SignInRefused;
import io.tradewind.serving.api.auth.ApiKeyStore;
import io.tradewind.serving.api.auth.ApiPrincipal;
import io.tradewind.serving.api.auth.Caller;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

/**
 * Finds who a request comes from and whether it may run: an API key ({@code X-Api-Key} or a bearer token) or a
 * console session cookie; then the route's permission, and for a session's state-changing request the CSRF token.
 * API-key requests need no CSRF token: a browser never attaches a key by itself, while it does attach cookies.
 */
public final class CallerCheck {
    /** The console's session cookie. */
    public static final String SESSION_COOKIE = "tradewind_session";
    /** The header a session's state-changing requests carry the synchroniser token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final HttpString API_KEY_HEADER = new HttpString("X-Api-Key");

    private final ApiKeyStore keys;
    private final ConsoleAccess console;

    /** @param console null where no console runs (sessions are then refused as unknown) */
    public CallerCheck(ApiKeyStore keys, ConsoleAccess console) {
        this.keys = keys;
        this.console = console;
    }

    public Caller check(HttpServerExchange exchange, Access access) {
        if (!access.identified()) {
            try {
                return identify(exchange);
            } catch (RuntimeException e) {
                return Caller.ANONYMOUS; // an open route answers anyone; bad credentials only lose the extras
            }
        }
        Caller caller = identify(exchange);
        if (caller.isAnonymous()) {
            throw new ApiException(401, "an API key or a console session is required: send 'X-Api-Key: <key>' or "
                    + "'Authorization: Bearer <key>', or sign in at /admin/");
        }
        if (caller.viaSession() && changesState(exchange)
                && !ConsoleAccess.csrfMatches(caller.session(), exchange.getRequestHeaders().getFirst(CSRF_HEADER))) {
            throw new ApiException(403, "missing or wrong CSRF token: a console request that changes something must send "
                    + "the header " + CSRF_HEADER + " with the token the sign-in answered");
        }
        if (access.permission() != null && !caller.may(access.permission())) {
            String who = caller.viaSession() ? "'" + caller.name() + "'" : "API key '" + caller.name() + "'";
            String needed = caller.viaSession() ? access.permission().neededRoles() : "admin";
            throw new ApiException(403, who + " has role " + caller.role() + ", which may not "
                    + access.permission().action() + "; this needs role " + needed);
        }
        return caller;
    }

    private Caller identify(HttpServerExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst(API_KEY_HEADER);
        if (key == null) {
            String auth = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                key = auth.substring(7);
            }
        }
        if (key != null) {
            ApiPrincipal principal = keys.authenticate(key).orElseThrow(() -> new ApiException(401, "unknown API key"));
            return Caller.of(principal);
        }
        Cookie cookie = exchange.getRequestCookie(SESSION_COOKIE);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()) {
            return Caller.ANONYMOUS;
        }
        if (console == null || cookie.getValue().length() > 200) {
            throw new ApiException(401, "not signed in, or the session ended: sign in again");
        }
        try {
            ConsoleAccess.Authenticated a = console.authenticate(cookie.getValue());
            return Caller.of(a.session(), a.account().role());
        } catch (SignInRefused e) {
            throw new ApiException(401, e.getMessage());
        }
    }

    private static boolean changesState(HttpServerExchange exchange) {
        HttpString m = exchange.getRequestMethod();
        return !(m.equals(Methods.GET) || m.equals(Methods.HEAD) || m.equals(Methods.OPTIONS));
    }
}
