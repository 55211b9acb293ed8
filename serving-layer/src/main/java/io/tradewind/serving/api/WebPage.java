package io.tradewind.serving.api;

import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.HttpString;

/**
 * The shop and dashboard page: static files from {@code web/} on the class path at {@code /} and {@code /web/…}
 * (its icon also at {@code /favicon.ico}); the admin console from {@code web/admin/} at {@code /admin/};
 * everything else goes to the API routes. The page only talks to this API, so a strict content-security policy
 * holds: no inline script, nothing from elsewhere (a product title can never become code).
 */
final class WebPage {
    private static final HttpString CSP = new HttpString("Content-Security-Policy");

    private WebPage() {
    }

    static HttpHandler around(HttpHandler api) {
        ResourceHandler files = new ResourceHandler(new ClassPathResourceManager(WebPage.class.getClassLoader(), "web"))
                .setWelcomeFiles("index.html");
        HttpHandler page = exchange -> {
            exchange.getResponseHeaders().put(CSP, "default-src 'self'; img-src 'self' data:; style-src 'self'");
            files.handleRequest(exchange);
        };
        ResourceHandler consoleFiles = new ResourceHandler(
                new ClassPathResourceManager(WebPage.class.getClassLoader(), "web/admin")).setWelcomeFiles("index.html");
        HttpHandler console = exchange -> {
            exchange.getResponseHeaders().put(CSP, "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                    + "frame-ancestors 'none'; form-action 'self'");
            exchange.getResponseHeaders().put(new HttpString("X-Frame-Options"), "DENY");
            exchange.getResponseHeaders().put(new HttpString("Cache-Control"), "no-store");
            consoleFiles.handleRequest(exchange);
        };
        return Handlers.path(api)
                .addPrefixPath("/admin", console)
                .addPrefixPath("/web", page)
                .addExactPath("/", page)
                // The page names its icon; a browser (or a JSON view of an API answer) that asks the classic
                // place anyway is sent there instead of a 404.
                .addExactPath("/favicon.ico", Handlers.redirect("/web/favicon.svg"));
    }
}
