package io.tradewind.infra.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.config.PlatformKeys;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API image's Dockerfile ({@code infra/launcher/Dockerfile}) against its build context (this module's folder) as
 * {@code mvn package} leaves it: what {@code docker build} would copy is there and not ignored, and the image starts
 * the distribution's script as a user other than root. There is no Docker engine here, so this reads the file.
 */
class ApiImageDockerfileIT {
    static final Path CONTEXT = Path.of(System.getProperty("tradewind.docker.context"));
    static final String VERSION = System.getProperty("tradewind.version");

    static Dockerfile dockerfile;

    @BeforeAll
    static void parse() throws IOException {
        dockerfile = Dockerfile.parse(CONTEXT.resolve("Dockerfile"));
    }

    @Test
    void theBaseImageIsAJava17RuntimeOfAPinnedRelease() {
        List<Dockerfile.Instruction> from = dockerfile.all("FROM");
        assertEquals(1, from.size(), "one stage: " + from);
        String image = from.get(0).words().get(0);
        // An official image's release tag (17.0.16_8-jre-jammy), not a tag that moves (latest, 17-jre, 17-jre-jammy).
        assertTrue(image.matches("eclipse-temurin:17\\.\\d+\\.\\d+(\\.\\d+)?_\\d+-jre-[a-z]+(@sha256:[0-9a-f]{64})?"),
                "a pinned Temurin 17 JRE release: " + image);
    }

    @Test
    void theVersionArgumentNamesTheDistributionThisBuildPackaged() {
        List<String> defaults = dockerfile.all("ARG").stream().map(a -> a.pairs().get("TRADEWIND_VERSION"))
                .filter(v -> v != null).toList();
        assertEquals(List.of(VERSION), defaults, "the Dockerfile's ARG TRADEWIND_VERSION default follows the Maven version");
    }

    @Test
    void everyCopiedSourceIsInTheBuildContextAndNotIgnored() throws IOException {
        List<String> ignore = Files.readAllLines(CONTEXT.resolve(".dockerignore")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<Dockerfile.Instruction> copies = new ArrayList<>(dockerfile.all("COPY"));
        copies.addAll(dockerfile.all("ADD"));
        assertFalse(copies.isEmpty(), "the image copies the distribution");
        for (Dockerfile.Instruction copy : copies) {
            List<String> words = copy.words().stream().filter(w -> !w.startsWith("--")).toList();
            for (String source : words.subList(0, words.size() - 1)) {
                Path path = CONTEXT.resolve(source).normalize();
                assertTrue(path.startsWith(CONTEXT) && Files.exists(path),
                        source + " is not in the build context " + CONTEXT + " (run mvn package first)");
                assertFalse(ignored(source, ignore), source + " is left out of the build context by .dockerignore");
            }
        }
    }

    @Test
    void theEntrypointIsTheDistributionsStartScriptAndTheUserCanRunEverything() throws IOException {
        Dockerfile.Instruction copy = dockerfile.all("COPY").get(0);
        List<String> words = copy.words();
        Path source = CONTEXT.resolve(words.get(0));
        String destination = words.get(1);
        String entrypoint = dockerfile.last("ENTRYPOINT").orElseThrow().words().get(0);
        assertTrue(entrypoint.startsWith(destination), entrypoint + " is not under the copied " + destination);
        Path script = source.resolve(entrypoint.substring(destination.length()));
        assertTrue(Files.isRegularFile(script), script + " is not in the distribution");
        // COPY keeps the files' modes and root as their owner: the image's user runs them as "others".
        assertTrue(Files.getPosixFilePermissions(script).contains(PosixFilePermission.OTHERS_EXECUTE),
                script + " is not executable by the image's user");
        try (Stream<Path> files = Files.walk(source)) {
            List<Path> unreadable = files.filter(f -> !permissions(f).contains(PosixFilePermission.OTHERS_READ)
                    || Files.isDirectory(f) && !permissions(f).contains(PosixFilePermission.OTHERS_EXECUTE)).toList();
            assertEquals(List.of(), unreadable, "files the image's user could not read");
        }
    }

    @Test
    void theImageRunsAsAUserOtherThanRoot() {
        String user = dockerfile.last("USER").orElseThrow(() -> new AssertionError("no USER: the image runs as root"))
                .words().get(0).split(":")[0];
        assertFalse(user.equals("root") || user.equals("0"), "USER " + user);
    }

    @Test
    void theImageExposesTheApisDefaultPort() {
        List<String> exposed = dockerfile.all("EXPOSE").stream().flatMap(e -> e.words().stream()).toList();
        assertTrue(exposed.contains(PlatformKeys.API_PORT.defaultValue()) || exposed.contains(
                PlatformKeys.API_PORT.defaultValue() + "/tcp"), "EXPOSE " + exposed);
    }

    @Test
    void theHeapFollowsTheContainersMemory() {
        String options = dockerfile.all("ENV").stream().map(e -> e.pairs().get("TRADEWIND_JAVA_OPTS"))
                .filter(o -> o != null).findFirst().orElseThrow(() -> new AssertionError(
                        "no TRADEWIND_JAVA_OPTS: the launcher's -Xmx6g would exceed a 2 GiB task"));
        assertTrue(options.contains("-XX:MaxRAMPercentage="), options);
        assertFalse(options.contains("-Xmx"), "a fixed heap does not follow the task's memory: " + options);
    }

    @Test
    void theLibrariesLogToStderrAndNoFileGrowsInTheContainer() {
        Map<String, String> env = new java.util.HashMap<>();
        dockerfile.all("ENV").forEach(e -> env.putAll(e.pairs()));
        assertEquals("/dev/null", env.get("TRADEWIND_LOG_FILE"), env.toString());
        assertEquals("INFO", env.get("TRADEWIND_LOG_CONSOLE_LEVEL"), env.toString());
    }

    /**
     * Whether Docker leaves {@code source} out of the context: the last {@code .dockerignore} pattern that matches it
     * or one of its parent folders decides, a {@code !} pattern taking it back in.
     */
    static boolean ignored(String source, List<String> patterns) {
        boolean ignored = false;
        for (String line : patterns) {
            boolean include = line.startsWith("!");
            String pattern = Path.of(include ? line.substring(1) : line).normalize().toString();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            for (Path p = Path.of(source).normalize(); p != null; p = p.getParent()) {
                if (matcher.matches(p)) {
                    ignored = !include;
                    break;
                }
            }
        }
        return ignored;
    }

    private static Set<PosixFilePermission> permissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
