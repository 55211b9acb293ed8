package io.tradewind.infra.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tradewind.infra.local.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distribution ({@code target/tradewind-<version>/}) run as a person, the API image and the EMR steps
 * run it: {@code bin/tradewind}, and {@code java -cp 'lib/*'}, as child processes with an empty environment and
 * nothing of Maven's class path.
 */
class DistributionIT {
    static final Path DIST = Path.of(System.getProperty("tradewind.dist.directory"));
    static final Path SCRIPT = DIST.resolve("bin").resolve("tradewind");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    record Ran(int exitCode, String output) {
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Ran ran = run(Map.of(), SCRIPT.toString(), "--help");
        assertEquals(0, ran.exitCode(), ran.output());
        for (String command : List.of("import", "retrain", "publish", "rollback", "serve", "keys")) {
            assertTrue(ran.output().lines().anyMatch(l -> l.startsWith("  " + command + " ")), command + ":\n" + ran.output());
        }
    }

    @Test
    void serveRefusesAConfigurationWithAnUnknownKeyNamingIt() throws Exception {
        Path config = dir.resolve("tradewind.properties");
        Files.writeString(config, "hbase.zookeper-quorum=zk.internal:2181\n");
        Ran ran = run(Map.of(), SCRIPT.toString(), "serve", "--config", config.toString());
        assertTrue(ran.exitCode() != 0, ran.output());
        assertTrue(ran.output().contains("error: unknown configuration key 'hbase.zookeper-quorum' in " + config
                + ", did you mean 'hbase.zookeeper-quorum'?"), ran.output());
    }

    @Test
    void javaWithTheLibFolderAsClassPathRunsTheCommands() throws Exception {
        Ran ran = run(Map.of(), JAVA, "-cp", DIST.resolve("lib") + "/*", "io.tradewind.infra.cli.TradewindCli",
                "publish", "--help");
        assertEquals(0, ran.exitCode(), ran.output());
        assertTrue(ran.output().startsWith("Usage: tradewind publish "), ran.output());
    }

    @Test
    void theCommandsShareTheFilesOfTradewindHome() throws Exception {
        Ran ran = run(Map.of("TRADEWIND_HOME", dir.resolve("home").toString()), SCRIPT.toString(), "keys",
                "--name", "dist-test", "--role", "shop");
        assertEquals(0, ran.exitCode(), ran.output());
        assertTrue(Files.readString(dir.resolve("home/target/serving/api-keys.json")).contains("dist-test"));
    }

    @Test
    void theScriptRunsThroughALinkFromAnotherFolder() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("tradewind"), SCRIPT);
        Ran ran = run(Map.of(), link.toString(), "--version");
        assertEquals(0, ran.exitCode(), ran.output());
        assertTrue(ran.output().startsWith("Tradewind "), ran.output());
    }

    @Test
    void theHeapIsSixGigabytesUnlessTradewindJavaOptsSaysOtherwise() throws Exception {
        // JAVA_TOOL_OPTIONS reaches the JVM beside the script's own options: the flags it prints are the final ones.
        Map<String, String> printFlags = Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintCommandLineFlags");
        Ran byDefault = run(printFlags, SCRIPT.toString(), "--version");
        assertEquals(0, byDefault.exitCode(), byDefault.output());
        assertTrue(byDefault.output().contains("-XX:MaxHeapSize=" + 6L * 1024 * 1024 * 1024 + " "), byDefault.output());

        Ran set = run(Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintCommandLineFlags", "TRADEWIND_JAVA_OPTS",
                "-Xmx200m -XX:+UseSerialGC"), SCRIPT.toString(), "--version");
        assertEquals(0, set.exitCode(), set.output());
        assertTrue(set.output().contains("-XX:MaxHeapSize=" + 200L * 1024 * 1024 + " ")
                && set.output().contains("-XX:+UseSerialGC"), set.output());
    }

    @Test
    void libHoldsTheLauncherJarAndExactlyItsRuntimeClassPath() throws IOException {
        Set<String> expected = Arrays.stream(Files.readString(Path.of(System.getProperty("tradewind.launcher.classpath")))
                .strip().split(File.pathSeparator)).map(p -> Path.of(p).getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        expected.add("tradewind-launcher-" + System.getProperty("tradewind.version") + ".jar");
        try (Stream<Path> lib = Files.list(DIST.resolve("lib"))) {
            Set<String> actual = lib.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, actual, "lib/ (a jar left from an earlier build goes with mvn clean)");
        }
    }

    /**
     * In a container the logs that count are those on stderr: the image asks for the libraries' logs there from INFO
     * up. Hadoop's warning that it runs without its native library (Maven's jars have none) is the line to look for.
     */
    @Test
    void theLibrariesLogToStderrFromTheLevelTheEnvironmentAsks() throws Exception {
        Path csv = dir.resolve("one-row.csv");
        Files.writeString(csv, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "536365,85123A,HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n");
        String[] importOne = {SCRIPT.toString(), "import", "--source", "online-retail", "--input", csv.toString(),
                "--to", dir.resolve("master").toUri().toString()};

        Ran quiet = run(Map.of("TRADEWIND_LOG_FILE", "/dev/null"), importOne);
        Ran container = run(Map.of("TRADEWIND_LOG_FILE", "/dev/null", "TRADEWIND_LOG_CONSOLE_LEVEL", "INFO"), importOne);

        assertEquals(0, quiet.exitCode(), quiet.output());
        assertEquals(0, container.exitCode(), container.output());
        assertFalse(quiet.output().contains("NativeCodeLoader"), "errors only by default:\n" + quiet.output());
        assertTrue(container.output().lines().anyMatch(l -> l.startsWith("WARN  NativeCodeLoader")), container.output());
    }

    @Test
    void theJvmFlagsAreOneListTheTestsShare() throws IOException {
        List<String> flags = Files.readAllLines(DIST.resolve("conf").resolve("jvm.options")).stream()
                .map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
        List<String> expected = new ArrayList<>(List.of(System.getProperty("tradewind.jvm.opens").strip().split("\\s+")));
        expected.add("-Djava.awt.headless=true");
        assertEquals(expected, flags, "conf/jvm.options against the root pom's tradewind.jvm.opens");
        String repositoryScript = Files.readString(Path.of(System.getProperty("tradewind.repository"), "tradewind"));
        assertFalse(repositoryScript.contains("--add-"), "./tradewind lists JVM flags of its own again");
    }

    /** Runs a command in {@link #dir} with only {@code PATH} (the JDK running this test first) and {@code environment}. */
    private Ran run(Map<String, String> environment, String... command) throws Exception {
        Path output = Files.createTempFile(dir, "output", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().put("PATH", Path.of(JAVA).getParent() + File.pathSeparator + "/usr/bin:/bin");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("still running after 2 minutes: " + List.of(command) + "\n" + ChildJvm.tail(output, 30));
        }
        return new Ran(process.exitValue(), Files.readString(output));
    }
}
