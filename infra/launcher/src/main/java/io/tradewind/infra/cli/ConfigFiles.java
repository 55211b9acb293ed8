package io.tradewind.infra.cli;

import io.tradewind.contracts.config.PlatformConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which platform configuration a command runs with: {@code --config FILE}, else the file {@code TRADEWIND_CONFIG}
 * names, else (for the commands that act on a running stack) the file a running {@code serve} or {@code demo} on
 * this machine wrote, else the defaults; environment variables over any of them.
 */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The file a running embedded {@code serve} or {@code demo} writes, and deletes when it stops. */
    static Path runningStack() {
        return SharedFiles.home().resolve("target").resolve("serving").resolve("tradewind.properties").toAbsolutePath()
                .normalize();
    }

    /**
     * @param explicit          {@code --config}, or null
     * @param findRunningStack  whether a running stack's file counts (publish, rollback, keys: yes; serve: no, it would
     *                          be another serve's)
     */
    static PlatformConfig resolve(Path explicit, boolean findRunningStack) throws IOException {
        Path file = chosen(explicit, findRunningStack);
        return file == null ? PlatformConfig.fromEnvironment(System.getenv()) : PlatformConfig.load(file, System.getenv());
    }

    /** The file {@link #resolve} reads, or null when it reads none. */
    static Path chosen(Path explicit, boolean findRunningStack) {
        return PlatformConfig.fileFor(explicit, System.getenv())
                .or(() -> findRunningStack && Files.isRegularFile(runningStack()) ? Optional.of(runningStack())
                        : Optional.empty())
                .orElse(null);
    }
}
