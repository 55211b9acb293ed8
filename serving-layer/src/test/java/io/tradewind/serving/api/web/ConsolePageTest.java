package io.tradewind.serving.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.serving.ServingConfig;
import io.tradewind.serving.ServingLayer;
import io.tradewind.serving.ServingStack;
import io.tradewind.serving.ServingTestViews;
import io.tradewind.serving.admin.SessionPolicy;
import java.util.Optional;
import io.tradewind.serving.SharedHBase;
import io.tradewind.serving.api.auth.PersonRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin console at {@code /admin/} in headless Chromium against the real API: sign-in (and its refusal),
 * sign-out, what each role sees, categories added, edited, deleted, restored and given products from a search
 * (with the shop's search following), versions with a switch's confirmation, the audit log filtered by person,
 * API keys created once-shown and revoked. Screenshots of every console page go to {@code target/e2e/console-*.png}.
 */
@ExtendWith({SharedHBase.class, ServingStack.class})
class ConsolePageTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "e2e");
    private static final String PASSWORD = "console test password";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static HeadlessChromium browser;
    private static ServingStack.Running stack;

    @BeforeAll
    static void openBrowser() throws Exception {
        if ("1".equals(System.getenv("TRADEWIND_E2E_REQUIRED"))) {
            assertTrue(HeadlessChromium.installed(), "TRADEWIND_E2E_REQUIRED=1 but Chromium or chromedriver is missing");
        }
        assumeTrue(HeadlessChromium.installed(), "Chromium not installed: apt-get install chromium chromium-driver");
        stack = ServingStack.running();
        browser = HeadlessChromium.start(Files.createDirectories(stack.dir().resolve("chromium-console")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String account(PersonRole role) {
        String name = "page-" + role.label() + "-" + NAMES.incrementAndGet();
        stack.layer().accounts().add(name, role, PASSWORD.toCharArray(), "test-operator");
        return name;
    }

    /** Opens the console signed out (signing out whoever the browser still holds). */
    private static void openSignedOut() throws Exception {
        browser.open(stack.baseUrl() + "/admin/");
        String shown = browser.await("the console's first screen", () ->
                visible("#signin") ? "signin" : visible("#signout") ? "signout" : null, WAIT);
        if (shown.equals("signout")) {
            browser.click("#signout");
            browser.await("the sign-in form", () -> visible("#signin"), WAIT);
        }
    }

    private static void signIn(String name, String password) throws Exception {
        browser.clear("#account");
        browser.type("#account", name);
        browser.type("#password", password);
        browser.click("#signin-btn");
    }

    private static String signedInAs(PersonRole role) throws Exception {
        String name = account(role);
        openSignedOut();
        signIn(name, PASSWORD);
        browser.await("signed in as " + name, () -> text("#who").startsWith(name), WAIT);
        return name;
    }

    @Test
    void aWrongPasswordSaysSoThenThePersonSignsInAndOut() throws Exception {
        String name = account(PersonRole.ADMIN);
        openSignedOut();
        browser.screenshot(SCREENSHOTS.resolve("console-signin.png"));
        signIn(name, "not my password!");
        assertEquals("wrong account name or password",
                browser.await("the refusal", () -> emptyToNull(text("#signin-message")), WAIT));
        assertEquals("", js("return document.getElementById('password').value").asText(), "the password field is emptied");
        browser.screenshot(SCREENSHOTS.resolve("console-signin-refused.png"));

        signIn(name, PASSWORD);
        assertEquals(name + " · admin", browser.await("who is signed in", () -> emptyToNull(text("#who")), WAIT));
        assertEquals(List.of("Categories", "Versions", "Audit log", "API keys"), visibleTexts("#tabs .tab"));

        browser.open(stack.baseUrl() + "/admin/");
        browser.await("still signed in after a reload (the cookie)", () -> text("#who").startsWith(name), WAIT);
        browser.click("#signout");
        assertEquals("Signed out.", browser.await("signed out", () -> emptyToNull(text("#signin-message")), WAIT));
        browser.open(stack.baseUrl() + "/admin/");
        browser.await("signed out after a reload too", () -> visible("#signin"), WAIT);
    }

    @Test
    void eachRoleSeesOnlyTheActionsItMayTake() throws Exception {
        signedInAs(PersonRole.ANALYST);
        assertEquals(List.of("Categories", "Versions", "Audit log"), visibleTexts("#tabs .tab"));
        browser.await("the category table", () -> visible("#categories"), WAIT);
        assertFalse(visible("#cat-form"), "an analyst edits nothing");
        browser.click("#tab-versions");
        browser.await("the versions", () -> !texts("#version-table tbody tr").isEmpty(), WAIT);
        assertFalse(visible("#rollback"));
        assertEquals(0, js("return document.querySelectorAll('#version-table button.activate').length").asInt());

        signedInAs(PersonRole.MERCHANDISER);
        assertEquals(List.of("Categories"), visibleTexts("#tabs .tab"));
        browser.await("the category form", () -> visible("#cat-form"), WAIT);
    }

    @Test
    void aMerchandiserAddsEditsAssignsDeletesAndRestoresACategoryAndSearchFollows() throws Exception {
        signedInAs(PersonRole.MERCHANDISER);
        try {
            browser.await("the category form", () -> visible("#cat-form"), WAIT);
            browser.type("#cat-name", "Lanterns & Lights");
            browser.type("#cat-keywords", "lantern");
            browser.click("#cat-save");
            browser.await("the new category's row", () -> texts("#category-table tbody tr").stream()
                    .anyMatch(r -> r.startsWith("Lanterns & Lights")), WAIT);
            assertEquals(List.of("71053"), searchCategory("Lanterns & Lights"));

            browser.click("#category-table tr[data-id='lanterns-lights'] .cat-edit");
            browser.clear("#cat-keywords");
            browser.type("#cat-keywords", "lantern, bunting");
            browser.click("#cat-save");
            browser.await("the edited keywords", () -> text("#category-table tr[data-id='lanterns-lights']")
                    .contains("lantern, bunting"), WAIT);
            assertEquals(List.of("47566", "71053"), searchCategory("Lanterns & Lights"));

            browser.type("#product-q", "cakestand");
            browser.click("#product-search");
            browser.await("the product search", () -> text("#products").contains("REGENCY CAKESTAND"), WAIT);
            browser.click("#products input[value='22423']");
            js("document.getElementById('assign-category').value = 'lanterns-lights'; return true;");
            browser.click("#assign-btn");
            browser.await("the assignment", () -> text("#category-table tr[data-id='lanterns-lights']").contains("22423"), WAIT);
            assertEquals(List.of("22423", "47566", "71053"), searchCategory("Lanterns & Lights"));
            browser.type("#cat-filter", "bunt");
            browser.await("the filtered list", () -> texts("#category-table tbody tr").size() == 1, WAIT);
            browser.screenshot(SCREENSHOTS.resolve("console-categories.png"));
            browser.clear("#cat-filter");
            js("document.getElementById('cat-filter').dispatchEvent(new Event('input')); return true;");

            browser.click("#category-table tr[data-id='lanterns-lights'] .cat-delete");
            browser.await("the undo offer", () -> visible("#undo-bar"), WAIT);
            assertTrue(text("#undo-text").startsWith("Deleted Lanterns & Lights"), text("#undo-text"));
            assertEquals(List.of(), searchCategory("Lanterns & Lights"));
            browser.open(stack.baseUrl() + "/admin/");
            browser.await("the undo offer after a reload (same session)", () -> visible("#undo-bar"), WAIT);
            browser.click("#undo");
            browser.await("the restored row", () -> text("#category-table tbody").contains("Lanterns & Lights"), WAIT);
            assertEquals(List.of("22423", "47566", "71053"), searchCategory("Lanterns & Lights"),
                    "keywords and products assigned by hand come back");
        } finally {
            HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/v1/admin/categories/lanterns-lights"))
                    .header("X-Api-Key", stack.adminKey()).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    /**
     * On an API instance of its own namespace and catalogue alias with two versions published (v2 active), so
     * switching here leaves the other tests' stack alone.
     */
    @Test
    void versionsAreSwitchedOnlyAfterAConfirmationSayingWhatChanges() throws Exception {
        String views = stack.hdfs().uri() + "/console-versions/views";
        ServingTestViews.write(views, "v1", stack.hdfs().configuration());
        ServingTestViews.write(views, "v2", stack.hdfs().configuration());
        ServingConfig config = new ServingConfig(SharedHBase.configuration(), stack.hdfs().configuration(),
                HBaseStoreSettings.defaults().withNamespace("consoleversions").withRegionsPerTable(1),
                stack.elasticsearch().uri(), null, "catalogue-consoleversions", stack.events(),
                stack.dir().resolve("api-keys.json"), "127.0.0.1", 0, ServingConfig.DEFAULT_MODEL, 1_000, 200,
                SessionPolicy.defaults());
        try (ServingLayer own = ServingLayer.open(config, ProgressListener.NONE)) {
            own.publisher().publish(views, Optional.of("v1"));
            own.publisher().publish(views, Optional.of("v2"));
            String base = "http://127.0.0.1:" + own.startApi().port();
            own.accounts().add("versions-admin", PersonRole.ADMIN, PASSWORD.toCharArray(), "test-operator");
            browser.open(base + "/admin/");
            String shown = browser.await("the console", () -> visible("#signin") ? "in" : visible("#signout") ? "out" : null, WAIT);
            if (shown.equals("out")) {
                browser.click("#signout");
                browser.await("the sign-in form", () -> visible("#signin"), WAIT);
            }
            signIn("versions-admin", PASSWORD);
            browser.await("signed in", () -> text("#who").startsWith("versions-admin"), WAIT);
            browser.click("#tab-versions");
            browser.await("v2 active", () -> text("#version-table tr.active").startsWith("v2 (active)"), WAIT);
            browser.screenshot(SCREENSHOTS.resolve("console-versions.png"));

            browser.click("#version-table tr[data-version='v1'] .activate");
            browser.await("the confirmation", () -> visible("#confirm"), WAIT);
            assertTrue(text("#confirm-text").startsWith("Serve version v1 (as of "), text("#confirm-text"));
            assertTrue(text("#confirm-text").contains(" instead of v2? Recommendations and search switch together"),
                    text("#confirm-text"));
            browser.screenshot(SCREENSHOTS.resolve("console-versions-confirm.png"));
            browser.click("#confirm-no");
            browser.await("the dialog closed", () -> !visible("#confirm"), WAIT);
            assertEquals("v2", own.registry().activeVersion().orElseThrow(), "cancelled: nothing switched");

            browser.click("#version-table tr[data-version='v1'] .activate");
            browser.await("the confirmation", () -> visible("#confirm"), WAIT);
            browser.click("#confirm-yes");
            browser.await("v1 active", () -> text("#version-table tr.active").startsWith("v1 (active)"), WAIT);
            assertEquals("Now serving v1.", text("#message"));
            assertEquals("v1", own.registry().activeVersion().orElseThrow());

            browser.click("#rollback");
            browser.await("the confirmation", () -> visible("#confirm"), WAIT);
            assertTrue(text("#confirm-text").startsWith("Roll back from v1 to the previously active version (v2)?"),
                    text("#confirm-text"));
            browser.click("#confirm-yes");
            browser.await("v2 active again", () -> text("#version-table tr.active").startsWith("v2 (active)"), WAIT);
        }
    }

    @Test
    void theAuditLogIsFilteredByPersonAndAction() throws Exception {
        String name = signedInAs(PersonRole.ADMIN);
        browser.click("#tab-audit");
        browser.await("audit entries", () -> !texts("#audit-table tbody tr").isEmpty(), WAIT);
        browser.type("#audit-actor", name);
        browser.click("#audit-go");
        browser.await("only " + name + "'s entries", () -> {
            List<String> rows = texts("#audit-table tbody tr");
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.contains(" " + name + " ")) ? rows : null;
        }, WAIT);
        assertTrue(text("#audit-table tbody").contains("sign-in"), text("#audit-table tbody"));
        browser.type("#audit-action", "sign-out");
        browser.click("#audit-go");
        browser.await("no sign-out yet", () -> texts("#audit-table tbody tr").isEmpty(), WAIT);
        assertEquals("No audit entry matches.", text("#message"));
        browser.clear("#audit-action");
        browser.click("#audit-go");
        browser.await("the entries again", () -> !texts("#audit-table tbody tr").isEmpty(), WAIT);
        browser.screenshot(SCREENSHOTS.resolve("console-audit.png"));
    }

    @Test
    void anAdminCreatesAKeyShownOnceAndRevokesIt() throws Exception {
        signedInAs(PersonRole.ADMIN);
        browser.click("#tab-keys");
        browser.await("the key list", () -> text("#key-table tbody").contains("test-shop"), WAIT);
        browser.type("#key-name", "console-shop");
        browser.click("#key-create");
        String key = browser.await("the new key", () -> emptyToNull(text("#key-value")), WAIT);
        assertTrue(key.startsWith("tw_shop_"), key);
        browser.await("its row", () -> text("#key-table tbody").contains("console-shop"), WAIT);
        browser.screenshot(SCREENSHOTS.resolve("console-keys.png"));
        assertEquals(200, segments(key));

        browser.click("#key-table tr[data-name='console-shop'] .revoke");
        browser.await("the row gone", () -> !text("#key-table tbody").contains("console-shop"), WAIT);
        assertEquals(401, segments(key));
    }

    private static int segments(String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/v1/segments")).header("X-Api-Key", key)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Item ids the shop's search gives for a category, as a shop sees it. */
    private static List<String> searchCategory(String category) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/v1/search?size=50&category="
                + java.net.URLEncoder.encode(category, java.nio.charset.StandardCharsets.UTF_8)))
                .header("X-Api-Key", stack.shopKey()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode hits = JSON.readTree(r.body()).path("result").path("hits");
        TreeSet<String> ids = new TreeSet<>();
        hits.forEach(h -> ids.add(h.path("itemId").asText()));
        return new ArrayList<>(ids);
    }

    private static boolean visible(String css) {
        return js("const e = document.querySelector(\"" + css + "\"); return !!e && e.offsetParent !== null "
                + "|| (!!e && getComputedStyle(e).position === 'fixed' && getComputedStyle(e).display !== 'none');").asBoolean();
    }

    private static List<String> visibleTexts(String css) {
        List<String> out = new ArrayList<>();
        js("return [...document.querySelectorAll(\"" + css + "\")].filter(e => !e.hidden).map(e => e.textContent)")
                .forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static JsonNode js(String script) {
        try {
            return browser.script(script);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String css) {
        try {
            return browser.text(css);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(String css) {
        try {
            return browser.texts(css);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
