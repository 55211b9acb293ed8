package io.tradewind.serving.api;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.regex.Pattern;

/** What an answer to a shop must not contain: the server's insides. */
final class ShopFacingText {
    private static final List<Pattern> INTERNAL = List.of(
            "\\b\\d{1,3}(\\.\\d{1,3}){3}\\b", "localhost", "\\b[A-Za-z][A-Za-z0-9.-]*:\\d{2,5}\\b",
            "hdfs://", "file:", "/tmp/", "/work/", "/root", "org\\.apache", "\\bjava\\.", "co\\.elastic",
            "org\\.elasticsearch", "com\\.fasterxml", "[Jj]ackson", "io\\.tradewind", "Exception\\b")
            .stream().map(Pattern::compile).toList();

    private ShopFacingText() {
    }

    /**
     * Each answer (an {@link ApiClient.Answer} or a body) contains no host:port, no IPv4 address, no hdfs:// or file
     * path and no Java, Apache, Elastic, Jackson or Tradewind class name.
     */
    static void assertNamesNothingInternal(Object... answers) {
        for (Object answer : answers) {
            String body = answer instanceof ApiClient.Answer a ? a.status() + " " + a.body() : String.valueOf(answer);
            for (Pattern pattern : INTERNAL) {
                assertFalse(pattern.matcher(body).find(),
                        "an answer to a shop names something internal (" + pattern + "): " + body);
            }
        }
    }
}
