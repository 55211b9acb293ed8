package io.tradewind.infra.local;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code ./tradewind} command in a JVM of its own: this JVM's java, class path and the module openings Hadoop and
 * HBase need (as the launcher script gave them to this JVM), with a home and library log of its own.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @param jvmOptions heap and collector options for the child
     * @param home       the child's {@code tradewind.home}: its {@code target/serving/} files are there
     * @param libraryLog where the libraries' logging goes (the command's own output is the caller's to redirect)
     * @param arguments  the command line after {@code ./tradewind}
     */
    public static List<String> command(List<String> jvmOptions, Path home, Path libraryLog, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        jvmOptions.stream().filter(o -> !o.isBlank()).forEach(command::add);
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.equals("-Djava.awt.headless=true")) {
                command.add(arg);
            }
        }
        command.add("-Dtradewind.home=" + home.toAbsolutePath().normalize());
        command.add("-Dtradewind.log.file=" + libraryLog.toAbsolutePath().normalize());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.tradewind.infra.cli.TradewindCli");
        command.addAll(arguments);
        return command;
    }

    /** The last {@code lines} lines of a child's output, decoded leniently: an odd byte must not hide why it failed. */
    public static String tail(Path log, int lines) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
