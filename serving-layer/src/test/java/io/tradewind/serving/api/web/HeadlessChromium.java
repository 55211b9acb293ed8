package io.tradewind.serving.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Debian's Chromium driven through chromedriver's W3C WebDriver protocol (plain HTTP + JSON), so the page tests
 * need no browser-automation library. Flags as ../shared/STACK.md measured: headless, no sandbox (root),
 * no background networking (the machine has no outside network), a fresh profile.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String session;

    private HeadlessChromium(Process driver, String base, String session) {
        this.driver = driver;
        this.base = base;
        this.session = session;
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static HeadlessChromium start(Path profileDir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(profileDir.resolve("chromedriver.log").toFile())
                .start();
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(), HttpResponse.BodyHandlers.ofString());
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !driver.isAlive()) {
                    driver.destroyForcibly();
                    throw new IOException("chromedriver did not start; see " + profileDir.resolve("chromedriver.log"), e);
                }
                Thread.sleep(100);
            }
        }
        List<String> args = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + profileDir.resolve("profile").toAbsolutePath());
        Map<String, Object> caps = Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", CHROMIUM.toString(), "args", args))));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/session"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(caps)))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(created.body()).path("value");
        if (!value.has("sessionId")) {
            driver.destroyForcibly();
            throw new IOException("chromedriver refused a session: " + created.body());
        }
        return new HeadlessChromium(driver, base, value.get("sessionId").asText());
    }

    /** Loads {@code url} afresh (via about:blank, so a URL differing only in its #fragment still reloads). */
    public void open(String url) throws Exception {
        command("POST", "/url", Map.of("url", "about:blank"));
        command("POST", "/url", Map.of("url", url));
    }

    /** Types into the element matching a CSS selector. */
    public void type(String css, String text) throws Exception {
        command("POST", "/element/" + find(css) + "/value", Map.of("text", text));
    }

    public void clear(String css) throws Exception {
        command("POST", "/element/" + find(css) + "/clear", Map.of());
    }

    public void click(String css) throws Exception {
        command("POST", "/element/" + find(css) + "/click", Map.of());
    }

    public String text(String css) throws Exception {
        return command("GET", "/element/" + find(css) + "/text", null).asText();
    }

    /** Visible texts of all elements matching a CSS selector, in page order. */
    public List<String> texts(String css) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode e : command("POST", "/elements", Map.of("using", "css selector", "value", css))) {
            out.add(command("GET", "/element/" + e.get(ELEMENT).asText() + "/text", null).asText());
        }
        return out;
    }

    /** Runs a script in the page and returns its JSON result. */
    public JsonNode script(String body) throws Exception {
        return command("POST", "/execute/sync", Map.of("script", body, "args", List.of()));
    }

    /** Polls until the condition holds (the page loads data asynchronously). */
    public <T> T await(String what, Supplier<T> probe, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null && !(value instanceof Boolean b && !b)) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("page never showed " + what + " within " + timeout, last);
    }

    public File screenshot(Path file) throws Exception {
        byte[] png = Base64.getDecoder().decode(command("GET", "/screenshot", null).asText());
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        return file.toFile();
    }

    private String find(String css) throws Exception {
        return command("POST", "/element", Map.of("using", "css selector", "value", css)).get(ELEMENT).asText();
    }

    private JsonNode command(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/session/" + session + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        request = "GET".equals(method) ? request.GET()
                : request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " failed: "
                    + (value instanceof ObjectNode o && o.has("message") ? o.get("message").asText() : response.body()));
        }
        return value;
    }

    @Override
    public void close() {
        try {
            http.send(HttpRequest.newBuilder(URI.create(base + "/session/" + session)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception ignored) {
            // the driver is killed next anyway
        }
        driver.destroy();
    }
}
