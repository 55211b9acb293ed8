package io.tradewind.contracts.views;

import java.net.InetAddress;
import java.time.Instant;
import java.util.UUID;

/**
 * Who holds a batch-views root's retrain lock: what a person needs to find that process (host, pid, user), how
 * long it has run and what it was asked to build. {@code id} tells two holders apart when a pid is reused.
 */
public record RetrainLockOwner(String id, String host, long pid, String user, String startedAt, String asOf,
                               String command) {

    /** This JVM, retraining as of {@code asOf}. */
    public static RetrainLockOwner thisProcess(Instant asOf) {
        return new RetrainLockOwner(UUID.randomUUID().toString(), thisHost(), ProcessHandle.current().pid(),
                System.getProperty("user.name"), Instant.now().toString(), asOf.toString(), thisCommand());
    }

    /** One line for a message: "host h, pid 42, user u, since … (as of …; command …)". */
    public String describe() {
        return "host " + host + ", pid " + pid + ", user " + user + ", since " + startedAt + " (as of " + asOf
                + "; command: " + command + ")";
    }

    static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "unknown-host";
        }
    }

    /** The main class and arguments as the JVM was started, cut short: enough to recognise the run. */
    private static String thisCommand() {
        String command = System.getProperty("sun.java.command", "unknown");
        return command.length() <= 200 ? command : command.substring(0, 200) + "…";
    }
}
