package io.tradewind.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Work folders of the benchmarks: each run starts from nothing an earlier run left behind. */
final class BenchDirs {
    private BenchDirs() {
    }

    /**
     * Deletes {@code dir} with everything in it, then creates it empty. An earlier run's Kafka log, for instance,
     * would hand the next run its unconsumed backlog.
     */
    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
