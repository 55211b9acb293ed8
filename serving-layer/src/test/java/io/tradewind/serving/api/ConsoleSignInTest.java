package io.tradewind.serving.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradewind.serving.ServingStack;
import io.tradewind.serving.SharedHBase;
import io.tradewind.serving.admin.ConsoleAccounts;
import io.tradewind.serving.api.auth.PersonRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's sign-in, sessions and roles over HTTP, on a second API instance beside the stack's (shared HBase
 * accounts and sessions, a movable clock for timeouts and lockouts): every refusal a person can meet, with the
 * message they read. Every JSON answer is also checked against openapi.yaml.
 */
@ExtendWith({SharedHBase.class, ServingStack.class})
class ConsoleSignInTest {
    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static ServingStack.Running stack;
    private static ConsoleStack console;
    private static ConsoleAccounts accounts;
    private static OpenApiDocument openApi;

    @BeforeAll
    static void start() throws Exception {
        stack = ServingStack.running();
        console = new ConsoleStack(stack);
        accounts = console.layer.accounts();
        openApi = OpenApiDocument.load();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    private static String account(PersonRole role) {
        String name = role.label() + "-" + NAMES.incrementAndGet();
        accounts.add(name, role, PASSWORD.toCharArray(), "test-operator");
        return name;
    }

    private static Browserless browser() {
        return new Browserless(console.baseUrl);
    }

    private static Browserless signedIn(PersonRole role) throws Exception {
        Browserless b = browser();
        assertEquals(200, b.signIn(account(role), PASSWORD).status());
        return b;
    }

    private static void documented(String method, String template, Browserless.Answer a) {
        List<String> problems = openApi.problems(method, template, a.status(), a.json());
        assertTrue(problems.isEmpty(), method + " " + template + " " + a.status() + ": " + problems + "\n" + a.body());
    }

    @Test
    void signInSetsAStrictHttpOnlyCookieAndAnswersWhoWithTheCsrfTokenButNeverThePassword() throws Exception {
        String name = account(PersonRole.MERCHANDISER);
        Browserless b = browser();
        Browserless.Answer in = b.signIn(name, PASSWORD);
        assertEquals(200, in.status(), in.body());
        documented("POST", "/v1/auth/sign-in", in);
        assertEquals(name, in.json().path("account").asText());
        assertEquals("merchandiser", in.json().path("role").asText());
        assertTrue(in.json().path("csrfToken").asText().length() >= 40);
        String cookie = b.lastSetCookie.get(0);
        assertTrue(cookie.startsWith("tradewind_session="), cookie);
        for (String attribute : List.of("; Path=/", "; HttpOnly", "; SameSite=Strict", "; Max-Age=43200")) {
            assertTrue(cookie.contains(attribute), attribute + " in " + cookie);
        }
        assertFalse(cookie.contains("Secure"), "plain HTTP and not configured behind TLS: " + cookie);
        assertFalse(in.body().contains(PASSWORD) || in.body().contains("argon2"), in.body());

        Browserless.Answer who = b.get("/v1/auth/session");
        assertEquals(200, who.status());
        documented("GET", "/v1/auth/session", who);
        assertEquals(in.json().path("csrfToken"), who.json().path("csrfToken"));
        assertTrue(who.json().path("permissions").toString().contains("edit_categories"));

        // The session works on the stack's own API instance too: sessions live in HBase, not in one instance.
        Browserless other = new Browserless(stack.baseUrl());
        other.cookie = b.cookie;
        assertEquals(200, other.get("/v1/admin/categories").status());
    }

    @Test
    void theConsoleIsServedAtAdminUnderAStrictPolicyAndNeverFramed() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        for (String path : List.of("/admin/", "/admin")) {
            java.net.http.HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(console.baseUrl + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.body().contains("id=\"signin-form\""), path);
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        }
        assertEquals(200, http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(console.baseUrl
                + "/admin/console.js")).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void behindTlsTheCookieIsSecure() throws Exception {
        try (ConsoleStack tls = new ConsoleStack(stack, true)) {
            Browserless b = new Browserless(tls.baseUrl);
            assertEquals(200, b.signIn(account(PersonRole.ANALYST), PASSWORD).status());
            assertTrue(b.lastSetCookie.get(0).endsWith("; Secure"), b.lastSetCookie.toString());
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswerAfterTheSameWork() throws Exception {
        String name = account(PersonRole.ANALYST);
        long t0 = System.nanoTime();
        Browserless.Answer unknown = browser().signIn("nobody-" + name, PASSWORD);
        long unknownMillis = (System.nanoTime() - t0) / 1_000_000;
        Browserless.Answer wrong = browser().signIn(name, "not the password at all");
        assertEquals(401, unknown.status());
        documented("POST", "/v1/auth/sign-in", unknown);
        assertEquals(unknown.body(), wrong.body(), "no way to tell an unknown name from a wrong password");
        assertEquals("wrong account name or password", wrong.error());
        assertTrue(unknownMillis >= 10, "an unknown account is checked against a dummy Argon2id hash: " + unknownMillis + " ms");
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhileAndAreAudited() throws Exception {
        String name = account(PersonRole.MERCHANDISER);
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, browser().signIn(name, "wrong password " + i).status());
        }
        Browserless.Answer locked = browser().signIn(name, "wrong password 5");
        assertEquals(429, locked.status(), locked.body());
        documented("POST", "/v1/auth/sign-in", locked);
        assertTrue(locked.error().startsWith("too many failed sign-ins: this account is locked until"), locked.error());
        assertEquals(429, browser().signIn(name, PASSWORD).status(), "locked even with the right password");

        JsonNode audit = new ApiClient(stack.baseUrl()).get("/v1/admin/audit",
                "/v1/admin/audit?actor=" + name, stack.adminKey(), 200).json();
        List<String> actions = new ArrayList<>();
        audit.path("entries").forEach(e -> actions.add(e.path("action").asText()));
        assertEquals(List.of("account-locked", "sign-in-failed", "sign-in-failed", "sign-in-failed", "sign-in-failed"),
                actions.subList(0, 5));
        assertFalse(audit.toString().contains("wrong password") || audit.toString().contains("argon2"), audit.toString());

        console.clock.advance(Duration.ofMinutes(16));
        assertEquals(200, browser().signIn(name, PASSWORD).status(), "the lock runs out");
    }

    @Test
    void anUnknownNameIsLockedLikeAnAccountSoTheLockTellsNothing() throws Exception {
        String nobody = "nobody-" + NAMES.incrementAndGet();
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, browser().signIn(nobody, "guess " + i).status());
        }
        Browserless.Answer locked = browser().signIn(nobody, "guess 5");
        assertEquals(429, locked.status(), locked.body());
        assertTrue(locked.error().startsWith("too many failed sign-ins: this account is locked until"), locked.error());
    }

    @Test
    void aSignInMustBeJsonSoAnotherSitesFormCannotSignAVisitorIn() throws Exception {
        Browserless b = browser();
        String body = "{\"account\":\"x\",\"password\":\"y\"}";
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(console.baseUrl + "/v1/auth/sign-in"))
                        .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(415, r.statusCode(), r.body());
        assertTrue(r.headers().allValues("Set-Cookie").isEmpty());
        assertNull(b.cookie);
    }

    @Test
    void aDisabledAccountCannotSignInAndItsSessionsEndAtOnce() throws Exception {
        String name = account(PersonRole.ADMIN);
        Browserless b = browser();
        assertEquals(200, b.signIn(name, PASSWORD).status());
        assertEquals(1, accounts.disable(name, "test-operator"));

        Browserless.Answer ended = b.get("/v1/admin/versions");
        assertEquals(401, ended.status());
        assertTrue(ended.error().contains("sign in again"), ended.error());
        Browserless.Answer refused = browser().signIn(name, PASSWORD);
        assertEquals(403, refused.status());
        assertTrue(refused.error().startsWith("this account is disabled"), refused.error());
        assertEquals("wrong account name or password", browser().signIn(name, "guessing the password").error(),
                "a wrong password does not tell that the account exists and is disabled");
    }

    @Test
    void everySignInRotatesTheTokenAndSignOutEndsTheSession() throws Exception {
        String name = account(PersonRole.ANALYST);
        Browserless b = browser();
        b.signIn(name, PASSWORD);
        String first = b.cookie;
        String firstCsrf = b.csrf;
        b.signIn(name, PASSWORD);
        assertNotEquals(first, b.cookie);
        assertNotEquals(firstCsrf, b.csrf);
        Browserless stale = browser();
        stale.cookie = first;
        assertEquals(401, stale.get("/v1/auth/session").status(), "the token of the earlier sign-in was dropped");

        assertEquals(403, b.send("POST", "/v1/auth/sign-out", null, false).status(), "sign-out needs the CSRF token too");
        Browserless.Answer out = b.change("POST", "/v1/auth/sign-out", null);
        assertEquals(200, out.status());
        documented("POST", "/v1/auth/sign-out", out);
        assertTrue(b.lastSetCookie.get(0).contains("Max-Age=0"), "the cookie is cleared: " + b.lastSetCookie);
        assertNull(b.cookie);
        b.cookie = first.replace(first.substring(first.indexOf('=') + 1), "x");
        Browserless.Answer after = b.get("/v1/auth/session");
        assertEquals(401, after.status());
        documented("GET", "/v1/auth/session", after);
    }

    @Test
    void sessionsEndWhenIdleTooLongAndAfterTwelveHoursWhateverTheUse() throws Exception {
        Browserless idle = signedIn(PersonRole.ANALYST);
        console.clock.advance(Duration.ofMinutes(29));
        assertEquals(200, idle.get("/v1/admin/versions").status());
        console.clock.advance(Duration.ofMinutes(31));
        Browserless.Answer expired = idle.get("/v1/admin/versions");
        assertEquals(401, expired.status());
        assertEquals("your session expired (unused for 30 min): sign in again", expired.error());

        Browserless busy = signedIn(PersonRole.ANALYST);
        for (int i = 0; i < 35; i++) { // 11 h 40 min of use, every 20 minutes
            console.clock.advance(Duration.ofMinutes(20));
            assertEquals(200, busy.get("/v1/admin/versions").status(), "still within 12 h at step " + i);
        }
        console.clock.advance(Duration.ofMinutes(20));
        Browserless.Answer tooOld = busy.get("/v1/admin/versions");
        assertEquals(401, tooOld.status());
        assertEquals("your session expired (sessions last at most 12 h): sign in again", tooOld.error());
    }

    @Test
    void aSessionsChangesNeedItsCsrfTokenWhileApiKeysNeedNone() throws Exception {
        Browserless b = signedIn(PersonRole.MERCHANDISER);
        String body = "{\"name\":\"Csrf Check\",\"keywords\":[\"nothing-matches-this\"]}";
        Browserless.Answer missing = b.send("POST", "/v1/admin/categories", body, false);
        assertEquals(403, missing.status());
        documented("POST", "/v1/admin/categories", missing);
        assertTrue(missing.error().startsWith("missing or wrong CSRF token"), missing.error());
        String real = b.csrf;
        b.csrf = "forged";
        assertEquals(403, b.change("POST", "/v1/admin/categories", body).status());
        b.csrf = real;
        assertEquals(201, b.change("POST", "/v1/admin/categories", body).status());
        assertEquals(200, b.change("DELETE", "/v1/admin/categories/csrf-check", null).status());
        assertEquals(200, b.get("/v1/admin/categories").status(), "reads need no token");
    }

    @Test
    void eachRoleIsRefusedWhatItMayNotDoWithTheRoleNeeded() throws Exception {
        Browserless analyst = signedIn(PersonRole.ANALYST);
        assertEquals(200, analyst.get("/v1/admin/versions").status());
        assertEquals(200, analyst.get("/v1/admin/audit?limit=5").status());
        Browserless.Answer rollback = analyst.change("POST", "/v1/admin/versions/rollback", null);
        assertEquals(403, rollback.status());
        documented("POST", "/v1/admin/versions/rollback", rollback);
        assertTrue(rollback.error().endsWith("may not activate or roll back a version; this needs role admin"), rollback.error());
        Browserless.Answer create = analyst.change("POST", "/v1/admin/categories", "{\"name\":\"No\",\"keywords\":[\"no\"]}");
        assertTrue(create.error().endsWith("this needs role admin or merchandiser"), create.error());

        Browserless merchandiser = signedIn(PersonRole.MERCHANDISER);
        Browserless.Answer versions = merchandiser.get("/v1/admin/versions");
        assertEquals(403, versions.status());
        assertTrue(versions.error().contains("has role merchandiser, which may not see model versions; this needs role "
                + "admin or analyst"), versions.error());
        assertEquals(403, merchandiser.get("/v1/admin/api-keys").status());
        assertEquals(403, analyst.get("/v1/admin/api-keys").status());
        assertEquals(403, merchandiser.get("/v1/users/u1/recommendations").status(), "people do not call the shop API");
        assertEquals(200, merchandiser.get("/v1/search?q=holder").status(), "but search, to find products to assign");

        Browserless admin = signedIn(PersonRole.ADMIN);
        assertEquals(200, admin.get("/v1/admin/api-keys").status());
        assertEquals(200, admin.get("/v1/admin/versions").status());
        Browserless.Answer anonymous = browser().get("/v1/admin/versions");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.error().contains("sign in at /admin/"), anonymous.error());
    }

    @Test
    void healthDetailsAreForAdminsOnly() throws Exception {
        JsonNode details = signedIn(PersonRole.ADMIN).get("/health").json();
        assertEquals("up", details.path("dependencies").path("hbase").path("status").asText(), details.toString());
        assertEquals("{\"status\":\"up\"}", signedIn(PersonRole.ANALYST).get("/health").json().toString());
        assertEquals("{\"status\":\"up\"}", browser().get("/health").json().toString());
    }

    @Test
    void productsAssignedByHandAreInTheCategoryWhateverTheirTitleAndTheAuditSaysWho() throws Exception {
        Browserless b = signedIn(PersonRole.MERCHANDISER);
        String who = b.get("/v1/auth/session").json().path("account").asText();
        try {
            assertEquals(201, b.change("POST", "/v1/admin/categories",
                    "{\"name\":\"Gift Ideas\",\"keywords\":[\"bunting\"]}").status());
            Browserless.Answer assigned = b.change("POST", "/v1/admin/categories/gift-ideas/items",
                    "{\"items\":[\"22423\",\"22633\"]}");
            assertEquals(200, assigned.status(), assigned.body());
            documented("POST", "/v1/admin/categories/{id}/items", assigned);
            assertEquals(2, assigned.json().path("itemsChanged").asInt());
            JsonNode hits = b.get("/v1/search?category=Gift+Ideas").json().path("result").path("hits");
            List<String> ids = new ArrayList<>();
            hits.forEach(h -> ids.add(h.path("itemId").asText()));
            assertEquals(List.of("22423", "22633", "47566"), ids.stream().sorted().toList(),
                    "the cake stand and the hand warmer by hand, the bunting by keyword");
            assertEquals(404, b.change("POST", "/v1/admin/categories/no-such/items", "{\"items\":[\"1\"]}").status());
            assertEquals(400, b.change("POST", "/v1/admin/categories/gift-ideas/items", "{\"items\":[]}").status());

            JsonNode audit = new ApiClient(stack.baseUrl()).get("/v1/admin/audit",
                    "/v1/admin/audit?action=assign-items&actor=" + who, stack.adminKey(), 200).json();
            assertEquals(1, audit.path("entries").size(), audit.toString());
            assertEquals("gift-ideas", audit.path("entries").get(0).path("target").asText());
            assertEquals(0, new ApiClient(stack.baseUrl()).get("/v1/admin/audit",
                    "/v1/admin/audit?action=assign-items&actor=" + who + "&until=2000-01-01", stack.adminKey(), 200)
                    .json().path("entries").size());
        } finally {
            b.change("DELETE", "/v1/admin/categories/gift-ideas", null);
        }
        assertEquals(0, b.get("/v1/search?category=Gift+Ideas").json().path("result").path("total").asInt());
    }

    @Test
    void anAdminCreatesAKeyThatIsShownOnceAndRevokesIt() throws Exception {
        Browserless admin = signedIn(PersonRole.ADMIN);
        Browserless.Answer created = admin.change("POST", "/v1/admin/api-keys", "{\"name\":\"shop-eu\",\"role\":\"shop\"}");
        assertEquals(201, created.status(), created.body());
        documented("POST", "/v1/admin/api-keys", created);
        String key = created.json().path("key").asText();
        ApiClient shop = new ApiClient(console.baseUrl);
        shop.get("/v1/segments", "/v1/segments", key, 200);
        Browserless.Answer listed = admin.get("/v1/admin/api-keys");
        documented("GET", "/v1/admin/api-keys", listed);
        assertTrue(listed.body().contains("\"shop-eu\"") && !listed.body().contains(key), listed.body());
        assertEquals(409, admin.change("POST", "/v1/admin/api-keys", "{\"name\":\"shop-eu\",\"role\":\"admin\"}").status());

        Browserless.Answer revoked = admin.change("DELETE", "/v1/admin/api-keys/shop-eu", null);
        assertEquals(200, revoked.status());
        documented("DELETE", "/v1/admin/api-keys/{name}", revoked);
        shop.get("/v1/segments", "/v1/segments", key, 401);
        assertEquals(404, admin.change("DELETE", "/v1/admin/api-keys/shop-eu", null).status());
    }

    @Test
    void aReadOnlyKeysFileAsInProductionIsA409SayingWhereKeysAreMade() throws Exception {
        java.nio.file.Path file = stack.dir().resolve("api-keys.json");
        var before = java.nio.file.Files.getPosixFilePermissions(file);
        java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        try {
            Browserless admin = signedIn(PersonRole.ADMIN);
            assertFalse(admin.get("/v1/admin/api-keys").json().path("writable").asBoolean());
            Browserless.Answer refused = admin.change("POST", "/v1/admin/api-keys", "{\"name\":\"nope\",\"role\":\"shop\"}");
            assertEquals(409, refused.status());
            documented("POST", "/v1/admin/api-keys", refused);
            assertTrue(refused.error().contains("is read-only here") && refused.error().contains("./tradewind keys"),
                    refused.error());
            assertEquals(409, admin.change("DELETE", "/v1/admin/api-keys/test-shop", null).status());
        } finally {
            java.nio.file.Files.setPosixFilePermissions(file, before);
        }
        new ApiClient(stack.baseUrl()).get("/v1/segments", "/v1/segments", stack.shopKey(), 200);
    }
}
