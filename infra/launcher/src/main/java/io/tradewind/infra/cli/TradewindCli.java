package io.tradewind.infra.cli;

import io.tradewind.contracts.views.RetrainLockedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./tradewind}: one sub-command per job a person or a scheduler runs. */
@Command(name = "tradewind",
        mixinStandardHelpOptions = true,
        version = "Tradewind 0.1.0",
        description = "Recommendations and product search for cross-border e-commerce (lambda architecture on Flink + Hadoop).",
        subcommands = {DemoCommand.class, ImportCommand.class, RetrainCommand.class, EvaluateCommand.class, PublishCommand.class,
                RollbackCommand.class, ServeCommand.class, LocalCommand.class, KeysCommand.class, AdminCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class TradewindCli {

    /** Exit code of a retrain refused because another one holds (or a dead one left) the views root's lock. */
    public static final int EXIT_LOCKED = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs a command line and returns the exit code: 0 ok, 1 the job failed, 2 the command line was wrong, 3 the
     * batch-views root is locked by another retrain (nothing was done; a scheduler may retry later).
     */
    public static int run(String... args) {
        return new CommandLine(new TradewindCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("error: " + oneLine(e));
                    return e instanceof RetrainLockedException ? EXIT_LOCKED : 1;
                })
                .execute(args);
    }

    /** The most specific message of an exception chain, on one line, for a person to act on. */
    static String oneLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof java.util.concurrent.ExecutionException
                || cause.getClass().getName().startsWith("org.apache.flink.runtime"))) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replace('\n', ' ');
    }
}
