package io.tradewind.infra.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the commands find the public data sets and peer numbers by default: {@code ../shared/} beside the repo. */
final class SharedFiles {
    static final String ONLINE_RETAIL = "online_retail.csv.gz";

    private SharedFiles() {
    }

    static Path home() {
        return Path.of(System.getProperty("tradewind.home", "."));
    }

    /** {@code override} when given, else the shared Online Retail file; fails with what to pass when unreadable. */
    static Path onlineRetail(Path override) {
        Path data = override != null ? override : home().resolve("../shared/data").resolve(ONLINE_RETAIL);
        if (!Files.isReadable(data)) {
            throw new IllegalArgumentException("Online Retail not found at " + data.toAbsolutePath().normalize()
                    + ": pass the UCI Online Retail CSV with --input FILE (" + ONLINE_RETAIL + ")");
        }
        return data;
    }

    static Path peers() {
        return home().resolve("../shared/eval/peers.json");
    }
}
