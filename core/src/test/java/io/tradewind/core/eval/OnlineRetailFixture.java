package io.tradewind.core.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real Online Retail file from the shared data folder (system property {@code tradewind.shared.dir}, set by
 * Surefire; else {@code ../shared} beside the repository), loaded and split once per test JVM.
 */
final class OnlineRetailFixture {
    private static OnlineRetailCsv.Cleaned cleaned;
    private static OrtEvaluation.Splits splits;
    private static OrIncEvaluation.Setup orInc;

    private OnlineRetailFixture() {
    }

    static Path csv() {
        String configured = System.getProperty("tradewind.shared.dir");
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured))
                : List.of(Path.of("..", "shared"), Path.of("..", "..", "shared"));
        for (Path shared : candidates) {
            Path file = shared.resolve("data").resolve("online_retail.csv.gz");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException("online_retail.csv.gz not found under " + candidates
                + " (set -Dtradewind.shared.dir)");
    }

    static synchronized OnlineRetailCsv.Cleaned cleaned() {
        if (cleaned == null) {
            try {
                cleaned = OnlineRetailCsv.load(csv());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cleaned;
    }

    static synchronized OrtEvaluation.Splits splits() {
        if (splits == null) {
            splits = OrtEvaluation.Splits.of(cleaned());
        }
        return splits;
    }

    static synchronized OrIncEvaluation.Setup orInc() {
        if (orInc == null) {
            orInc = OrIncEvaluation.Setup.of(cleaned().purchases(), OrIncEvaluation.TEST);
        }
        return orInc;
    }
}
