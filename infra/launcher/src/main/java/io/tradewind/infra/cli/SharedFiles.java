package io.tradewind.infra.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the commands find the public data sets and peer numbers by default: {@code ../shared/} beside the repo. */
final class SharedFiles {
    static final String ONLINE_RETAIL = "online_retail.csv.gz";
    static final String TAOBAO = "taobao_user_behavior_sample.csv.gz";

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

    /**
     * {@code override} when given (it must be readable), else the shared Taobao sample when it is there, else empty:
     * the demo's Taobao stream is an extra it can do without.
     */
    static java.util.Optional<Path> taobao(Path override) {
        if (override != null && !Files.isReadable(override)) {
            throw new IllegalArgumentException("Taobao sample not found at " + override.toAbsolutePath().normalize()
                    + ": pass the Taobao UserBehavior CSV with --taobao-input FILE (" + TAOBAO + ")");
        }
        Path data = override != null ? override : home().resolve("../shared/data").resolve(TAOBAO);
        return Files.isReadable(data) ? java.util.Optional.of(data) : java.util.Optional.empty();
    }

    static Path peers() {
        return home().resolve("../shared/eval/peers.json");
    }
}
