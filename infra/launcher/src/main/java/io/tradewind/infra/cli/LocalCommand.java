package io.tradewind.infra.cli;

import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.infra.local.LocalStack;
import io.tradewind.infra.local.StackHealth;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./tradewind local up | status | down}: the embedded stack as background processes an operator runs by hand. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run the embedded stack (HDFS, HBase, Kafka, Elasticsearch, the speed layer, the API) in the "
                + "background on this machine.",
        subcommands = {LocalCommand.Up.class, LocalCommand.Status.class, LocalCommand.Down.class})
final class LocalCommand {

    static LocalStack stack() {
        return new LocalStack(SharedFiles.home(), ConfigFiles.runningStack());
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start the stack in the background and wait until its API answers; the data of the last "
                    + "stack (HDFS: master data set, batch views) is served again.")
    static final class Up implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8080", description = "The API's port (default ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--jvm-options", defaultValue = "-Xmx6g", paramLabel = "OPTIONS",
                description = "The stack JVM's options, space-separated (default ${DEFAULT-VALUE}).")
        String jvmOptions;

        @Option(names = "--timeout", defaultValue = "10m", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "How long to wait for the stack to answer (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            PrintStream out = System.out;
            LocalStack stack = stack();
            List<String> options = Arrays.stream(jvmOptions.split("\\s+")).filter(o -> !o.isBlank()).toList();
            long pid = stack.up(port, options, timeout, out).pid();
            PlatformConfig running = PlatformConfig.load(stack.configFile(), java.util.Map.of());
            out.println();
            out.println("Local stack running (pid " + pid + ").");
            out.println("  API            http://127.0.0.1:" + running.integer(PlatformKeys.API_PORT));
            out.println("  Kafka          " + running.required(PlatformKeys.KAFKA_BOOTSTRAP_SERVERS, "local up"));
            out.println("  HBase          ZooKeeper " + running.required(PlatformKeys.HBASE_ZOOKEEPER_QUORUM, "local up"));
            out.println("  Elasticsearch  " + running.required(PlatformKeys.ELASTICSEARCH_URL, "local up"));
            out.println("  master data    " + running.required(PlatformKeys.STORAGE_MASTER_DATASET, "local up"));
            out.println("  batch views    " + running.required(PlatformKeys.STORAGE_VIEWS, "local up"));
            out.println("Configuration (the keys a cloud deployment's file has; other commands read it): "
                    + stack.configFile());
            out.println("Data: " + stack.workDir() + "  Logs: " + stack.log() + ", " + stack.libraryLog());
            out.println("Next: ./tradewind local status, ./tradewind retrain --config " + stack.configFile()
                    + " --as-of DATE, ./tradewind publish, ./tradewind local down");
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Check each component of the running stack with a real request; exit 1 when one fails or "
                    + "no stack runs.")
    static final class Status implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            PrintStream out = System.out;
            LocalStack stack = stack();
            var process = stack.running();
            if (process.isEmpty()) {
                out.println("No local stack is running (./tradewind local up starts one).");
                return 1;
            }
            if (!Files.isRegularFile(stack.configFile())) {
                out.println("The local stack (pid " + process.get().pid() + ") is starting or stopping: its API has not "
                        + "written " + stack.configFile() + " yet; see " + stack.log());
                return 1;
            }
            out.println("Local stack, pid " + process.get().pid() + " (configuration " + stack.configFile() + "):");
            boolean healthy = true;
            for (StackHealth.Check check : StackHealth.check(PlatformConfig.load(stack.configFile(), java.util.Map.of()))) {
                out.printf("  %-20s %-5s %-45s %s%n", check.component(), check.healthy() ? "up" : "DOWN", check.address(),
                        check.detail());
                healthy &= check.healthy();
            }
            return healthy ? 0 : 1;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Stop the stack cleanly: the API first, then the speed layer once Kafka's events are "
                    + "archived, then the stores; HDFS keeps its data for the next up.")
    static final class Down implements Callable<Integer> {
        @Option(names = "--timeout", defaultValue = "5m", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "How long to wait before terminating the process (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            PrintStream out = System.out;
            LocalStack stack = stack();
            if (!stack.down(timeout, out)) {
                // Exit 1 like status: a script that meant to stop a stack learns that none was running.
                out.println("No local stack is running: nothing to stop.");
                return 1;
            }
            out.println("Local stack stopped. Its data stays in " + stack.workDir() + " for the next ./tradewind local up.");
            return 0;
        }
    }
}
