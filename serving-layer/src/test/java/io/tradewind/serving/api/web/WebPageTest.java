package io.tradewind.serving.api.web;

import static io.tradewind.serving.ServingTestViews.FRENCH;
import static io.tradewind.serving.ServingTestViews.LOYAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.contracts.hbase.RealtimeItem;
import io.tradewind.contracts.hbase.RealtimeListWriter;
import io.tradewind.serving.ServingStack;
import io.tradewind.serving.ServingTestViews;
import io.tradewind.serving.SharedHBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page as people use it, in headless Chromium against the real API: pick a shopper, search with a typo, see
 * results (prices with two decimals), facets, "recommended for you" and "similar items"; the category facet once an
 * admin made a category; the icon; then the segment dashboard's charts (sized to their boxes, labels inside and
 * legible) and a portrait as a card in words; the key panel. A screenshot of each state goes to {@code target/e2e/}.
 *
 * <p>Needs Debian's chromium and chromium-driver ({@code .ci/run} installs them and sets
 * {@code TRADEWIND_E2E_REQUIRED=1}, so CI fails rather than skips without them).
 */
@ExtendWith({SharedHBase.class, ServingStack.class})
class WebPageTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "e2e");
    private static HeadlessChromium browser;
    private static ServingStack.Running stack;

    @BeforeAll
    static void openBrowser() throws Exception {
        boolean required = "1".equals(System.getenv("TRADEWIND_E2E_REQUIRED"));
        if (required) {
            assertTrue(HeadlessChromium.installed(), "TRADEWIND_E2E_REQUIRED=1 but " + HeadlessChromium.CHROMIUM
                    + " or " + HeadlessChromium.CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)");
        }
        assumeTrue(HeadlessChromium.installed(), "Chromium not installed: apt-get install chromium chromium-driver");
        stack = ServingStack.running();
        Path profile = Files.createDirectories(stack.dir().resolve("chromium"));
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aShopperSearchesWithATypoAndSeesResultsFacetsRecommendationsAndSimilarItems() throws Exception {
        browser.open(stack.baseUrl() + "/#key=" + stack.shopKey());
        browser.await("the example users from /v1/segments",
                () -> text("#version").contains("batch views v"), WAIT);

        browser.type("#user", LOYAL + "\t");
        List<String> recs = browser.await("recommendations for " + LOYAL, () -> {
            List<String> t = texts("#recs li");
            return t.isEmpty() ? null : t;
        }, WAIT);
        assertTrue(recs.get(0).contains("WHITE HANGING HEART T-LIGHT HOLDER"), recs.toString());
        assertTrue(text("#recs-note").contains("segment high-value"), text("#recs-note"));

        browser.clear("#q");
        browser.type("#q", "hart");
        browser.click("#search-btn");
        browser.await("results for 'hart'", () -> text("#results-title").contains("for \"hart\""), WAIT);
        List<String> results = texts("#results li");
        assertTrue(!results.isEmpty() && results.get(0).contains("HEART"),
                "a typo still finds hearts first: " + text("#results-title") + " " + results);
        assertTrue(text("#results-title").contains("personalised for " + LOYAL), text("#results-title"));
        assertTrue(!texts("#facet-prices button").isEmpty(), "price facets are shown");

        browser.click("#results li");
        List<String> similar = browser.await("similar items", () -> {
            List<String> t = texts("#similar li");
            return t.isEmpty() ? null : t;
        }, WAIT);
        assertTrue(text("#similar-title").startsWith("Similar to"), text("#similar-title"));
        assertTrue(similar.size() >= 1);
        browser.screenshot(SCREENSHOTS.resolve("shop.png"));

        // Prices: two decimal places on the page and in the API's answer itself.
        for (String meta : texts("#results li .meta")) {
            assertTrue(meta.matches("£\\d[\\d,]*\\.\\d\\d · .*"), "a price with two decimals first: " + meta);
        }
        String answer = js("return fetch('/v1/search?q=heart', {headers: {'X-Api-Key': sessionStorage.getItem('tradewind.key')}})"
                + ".then(r => r.text())").asText();
        assertTrue(answer.contains("\"price\":"), answer);
        assertFalse(Pattern.compile("\"price\":\\d+(\\.\\d?)?[,}]|\"price\":\\d+\\.\\d{3,}").matcher(answer).find(),
                "every price in the answer has exactly two decimals: " + answer);
    }

    @Test
    void thePageHasAnIconAndNoRequestOfItIsA404() throws Exception {
        browser.open(stack.baseUrl() + "/#key=" + stack.shopKey());
        browser.await("the page", () -> text("#version").contains("batch views v"), WAIT);
        assertEquals("200 image/svg+xml", js("return fetch(document.querySelector('link[rel~=icon]').href)"
                + ".then(r => r.status + ' ' + r.headers.get('content-type').split(';')[0])").asText());
        assertEquals("200 true", js("return fetch('/favicon.ico').then(r => r.status + ' ' + r.redirected)").asText(),
                "the classic place leads to the same icon");
    }

    /** Categories are made by an admin; once the catalogue has them, the shop's search shows them as a facet. */
    @Test
    void theCategoryFacetAppearsOnceACategoryExists() throws Exception {
        browser.open(stack.baseUrl() + "/#key=" + stack.shopKey());
        browser.await("the page", () -> text("#version").contains("batch views v"), WAIT);
        browser.clear("#q");
        browser.type("#q", "holder");
        browser.click("#search-btn");
        browser.await("results for 'holder'", () -> text("#results-title").contains("for \"holder\""), WAIT);
        assertTrue(texts("#facet-categories button").isEmpty(), "no categories yet, no category facet");

        admin("POST", "/v1/admin/categories", "{\"name\":\"Lights\",\"keywords\":[\"holder\",\"lantern\"]}", 201);
        try {
            browser.click("#search-btn");
            List<String> facet = browser.await("the category facet", () -> {
                List<String> t = texts("#facet-categories button");
                return t.isEmpty() ? null : t;
            }, WAIT);
            assertTrue(facet.get(0).startsWith("Lights ("), facet.toString());
            browser.click("#facet-categories button");
            browser.await("results filtered to the category", () -> texts("#results li .meta").stream()
                    .allMatch(m -> m.contains(" · Lights")) && text("#facet-categories button.on").startsWith("Lights"), WAIT);
            browser.screenshot(SCREENSHOTS.resolve("search-category-facet.png"));
        } finally {
            admin("DELETE", "/v1/admin/categories/lights", null, 200);
        }
    }

    /**
     * What the demo's replay looks like on the page: the speed layer writes the shopper's real-time list (here through
     * the same HBase writer), and the shown list takes it in without a reload, marking the new item; a hidden tab
     * stops asking, and coming back refreshes at once.
     */
    @Test
    void theShoppersListTakesInRealTimeItemsWithoutAReloadAndAHiddenTabStopsAsking() throws Exception {
        String item = "22752"; // not among the five the batch and popular lists give this shopper
        String liveItems = "return [...document.querySelectorAll('#recs li')]"
                + ".map(li => li.dataset.item + (li.classList.contains('new') ? '*' : ''))";
        browser.open(stack.baseUrl() + "/#key=" + stack.shopKey());
        browser.type("#user", FRENCH + "\t");
        List<String> before = browser.await("recommendations for " + FRENCH, () -> {
            List<String> items = items(liveItems);
            return items.isEmpty() ? null : items;
        }, WAIT);
        assertTrue(!before.contains(item) && before.stream().noneMatch(i -> i.endsWith("*")),
                "nothing marked new on the first load: " + before);
        browser.script("window.sameDocument = true; return true;");

        RealtimeListWriter speedLayer = new RealtimeListWriter(SharedHBase.loadingConnection(),
                HBaseStoreSettings.defaults().withNamespace("api"));
        long afterBatch = Instant.parse(ServingTestViews.AS_OF).toEpochMilli() + 3_600_000;
        speedLayer.replace(FRENCH, List.of(new RealtimeItem(item, 0.99f, "neighbour-of:22423", afterBatch)));
        try {
            List<String> after = browser.await("the real-time item, marked new", () -> {
                List<String> items = items(liveItems);
                return items.contains(item + "*") ? items : null;
            }, WAIT);
            assertEquals(item + "*", after.get(0), "the real-time item ranks first: " + after);
            assertTrue(js("return window.sameDocument === true").asBoolean(), "no reload");
            assertTrue(text("#recs li.new").contains("SET 7 BABUSHKA NESTING BOXES"), text("#recs li.new"));
            assertTrue(text("#recs-live").startsWith("live · updated"), text("#recs-live"));
            browser.screenshot(SCREENSHOTS.resolve("live.png"));

            browser.script("window.asked = 0; const f = window.fetch;"
                    + "window.fetch = (...a) => { window.asked++; return f(...a); };"
                    + "Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});"
                    + "document.dispatchEvent(new Event('visibilitychange')); return true;");
            Thread.sleep(5_000); // two and a half refresh periods
            assertEquals(0, js("return window.asked").asInt(), "a hidden tab asks nothing");
            speedLayer.clear(FRENCH);
            browser.script("Object.defineProperty(document, 'hidden', {configurable: true, get: () => false});"
                    + "document.dispatchEvent(new Event('visibilitychange')); return true;");
            browser.await("the list without the cleared item", () -> !items(liveItems).contains(item)
                    && !items(liveItems).contains(item + "*"), WAIT);
        } finally {
            speedLayer.clear(FRENCH);
        }
    }

    private static List<String> items(String script) {
        List<String> out = new java.util.ArrayList<>();
        js(script).forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theDashboardDrawsSegmentSizesRfmRadarAndCountryMix() throws Exception {
        browser.open(stack.baseUrl() + "/#key=" + stack.shopKey());
        browser.click("#tab-dashboard");
        browser.await("segment bars", () -> js(
                "return document.querySelectorAll('#chart-sizes rect').length").asInt() == 2, WAIT);
        assertEquals(2, browser.script("return document.querySelectorAll('#chart-radar polygon.radar-segment').length").asInt());
        assertEquals(3, browser.script("return document.querySelectorAll('#chart-countries rect').length").asInt(),
                "one bar per country of the portraits");
        List<String> rows = texts("#segments-table tbody tr");
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).startsWith("high-value"), rows.toString());

        assertTrue(rows.get(0).matches(".* £[\\d,]+\\.\\d\\d"), "a segment's spend as money: " + rows);
        assertChartsFillTheirBoxesWithLegibleLabels();
        browser.screenshot(SCREENSHOTS.resolve("dashboard.png"));

        browser.type("#portrait-user", LOYAL);
        browser.click("#portrait-btn");
        String card = browser.await("the portrait card", () -> {
            String t = text("#portrait");
            return t.contains("Last order") ? t : null;
        }, WAIT);
        assertTrue(card.replaceAll("\\s+", " ").startsWith("Customer " + LOYAL + " high-value"), card);
        assertTrue(card.contains("bought recently, often and for a lot: the best customers"), "the segment's meaning: " + card);
        assertTrue(card.contains("Segment now: high-value (as in the batch)"), card);
        assertTrue(Pattern.compile("Last order\\s+(\\d+ days?|less than a day)\\s+before the data's cut-off")
                .matcher(card).find(), "recency in days: " + card);
        assertTrue(Pattern.compile("Orders\\s+\\d+ orders?\\s").matcher(card).find(), "frequency as orders: " + card);
        assertTrue(Pattern.compile("Spent\\s+£[\\d,]+\\.\\d\\d\\s+net of returns").matcher(card).find(),
                "monetary as money: " + card);
        assertTrue(card.contains("Country: United Kingdom.") && card.contains("Buys mostly on ")
                && card.contains("A basket holds ") && card.contains("Likes: "),
                "habits in words: " + card);
        assertFalse(card.contains("{") || card.contains("\"") || card.contains("avgBasket"), "no JSON: " + card);
        browser.screenshot(SCREENSHOTS.resolve("portrait.png"));
    }

    /**
     * Each chart spans its box's width, its height follows its content, no label leaves the drawing, and labels are
     * drawn at least 11 px high.
     */
    private static void assertChartsFillTheirBoxesWithLegibleLabels() {
        JsonNode problems = js("""
                const out = [];
                for (const svg of document.querySelectorAll('.charts svg')) {
                  const fig = svg.closest('figure').getBoundingClientRect();
                  const box = svg.getBoundingClientRect();
                  const vb = svg.viewBox.baseVal;
                  if (box.width < fig.width - 40) out.push(svg.id + ' is ' + box.width + ' px wide in a ' + fig.width + ' px box');
                  if (box.height < 80) out.push(svg.id + ' is only ' + box.height + ' px high');
                  for (const t of svg.querySelectorAll('text')) {
                    const b = t.getBBox();
                    if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > vb.width + 0.5 || b.y + b.height > vb.height + 0.5)
                      out.push(svg.id + ': "' + t.textContent + '" leaves the drawing');
                    if (t.getBoundingClientRect().height < 11) out.push(svg.id + ': "' + t.textContent + '" is drawn '
                      + t.getBoundingClientRect().height + ' px high');
                  }
                }
                return out;""");
        assertEquals(0, problems.size(), problems.toString());
    }

    @Test
    void aRefusedKeyAsksForAnotherInsteadOfFailingSilently() throws Exception {
        browser.open(stack.baseUrl() + "/#key=tw_shop_wrong");
        browser.await("the key panel", () -> js(
                "return !document.getElementById('key-panel').hidden").asBoolean(), WAIT);
        assertTrue(text("#message").contains("refused"), text("#message"));
        assertFalse(js("return getComputedStyle(document.getElementById('key-panel')).backgroundColor").asText()
                .equals("rgba(0, 0, 0, 0)"), "the key panel is styled");
        browser.screenshot(SCREENSHOTS.resolve("key-panel.png"));
    }

    private static void admin(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(stack.baseUrl() + path))
                .header("X-Api-Key", stack.adminKey()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
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
