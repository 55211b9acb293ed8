package io.tradewind.infra.cli;

import io.tradewind.contracts.config.PlatformConfig;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.contracts.hbase.HBaseClientSettings;
import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.serving.admin.Account;
import io.tradewind.serving.admin.ConsoleAccounts;
import io.tradewind.serving.api.auth.PasswordHasher;
import io.tradewind.serving.api.auth.PersonRole;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./tradewind admin add-user | reset-password | disable | enable}: the console's accounts, in the running
 * stack's HBase (every API instance reads them there). There is no default account: the operator makes the first
 * one here. Passwords are read from the terminal without echo, or from standard input when it is piped (one line,
 * for scripts), never from the command line, where {@code ps} and the shell's history would show them.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manage the admin console's accounts (stored in the stack's HBase).",
        subcommands = {AdminCommand.AddUser.class, AdminCommand.ResetPassword.class, AdminCommand.Disable.class,
                AdminCommand.Enable.class})
final class AdminCommand {

    /** What every sub-command needs: the stores and the account name. */
    abstract static class AccountCommand implements Callable<Integer> {
        @Mixin
        StoreOptions stores;

        @Option(names = "--name", required = true, description = "The account's name (what the person signs in with).")
        String name;

        abstract void run(ConsoleAccounts accounts, String operator) throws IOException;

        @Override
        public Integer call() throws Exception {
            PlatformConfig config = stores.resolve();
            Configuration hbase = HBaseConfiguration.create();
            HBaseClientSettings.from(config, "admin").forEach(hbase::set);
            String namespace = config.required(PlatformKeys.HBASE_NAMESPACE, "admin");
            try (Connection connection = ConnectionFactory.createConnection(
                    HBaseStoreSettings.defaults().withNamespace(namespace).loadingConfiguration(hbase))) {
                run(ConsoleAccounts.on(connection, namespace), "cli:" + System.getProperty("user.name", "operator"));
            }
            return 0;
        }
    }

    @Command(name = "add-user", mixinStandardHelpOptions = true,
            description = "Create a console account; asks for its password (at least " + PasswordHasher.MIN_LENGTH
                    + " characters) on the terminal, or reads one line from standard input when piped.")
    static final class AddUser extends AccountCommand {
        @Option(names = "--role", required = true, converter = RoleConverter.class,
                description = "admin (everything), merchandiser (categories, product assignment) or analyst (read-only).")
        PersonRole role;

        @Override
        void run(ConsoleAccounts accounts, String operator) throws IOException {
            char[] password = readPassword("Password for " + name + ": ");
            try {
                Account a = accounts.add(name, role, password, operator);
                System.out.println("Account '" + a.name() + "' (" + a.role().label() + ") created; sign in at /admin/.");
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Give an account a new password (read as for add-user); unlocks it and ends its sessions.")
    static final class ResetPassword extends AccountCommand {
        @Override
        void run(ConsoleAccounts accounts, String operator) throws IOException {
            char[] password = readPassword("New password for " + name + ": ");
            try {
                int ended = accounts.resetPassword(name, password, operator);
                System.out.println("Password of '" + name + "' reset; " + ended + " session(s) ended.");
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: it can no longer sign in, and its sessions end at once.")
    static final class Disable extends AccountCommand {
        @Override
        void run(ConsoleAccounts accounts, String operator) {
            int ended = accounts.disable(name, operator);
            System.out.println("Account '" + name + "' disabled; " + ended + " session(s) ended.");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = "Enable a disabled account again (and clear a lock).")
    static final class Enable extends AccountCommand {
        @Override
        void run(ConsoleAccounts accounts, String operator) {
            accounts.enable(name, operator);
            System.out.println("Account '" + name + "' enabled.");
        }
    }

    /** Reads {@code admin}, {@code merchandiser}, {@code analyst}. */
    static final class RoleConverter implements picocli.CommandLine.ITypeConverter<PersonRole> {
        @Override
        public PersonRole convert(String value) {
            try {
                return PersonRole.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * The terminal without echo, asked twice; else one line of standard input (a pipe, a script). Checked for length
     * here too, before anything connects, with the rule's message.
     */
    static char[] readPassword(String prompt) throws IOException {
        Console console = System.console();
        char[] password;
        if (console != null) {
            password = console.readPassword("%s", prompt);
            char[] again = console.readPassword("%s", "Again: ");
            if (password == null || again == null || !Arrays.equals(password, again)) {
                throw new IllegalArgumentException("the two passwords differ; nothing was changed");
            }
            Arrays.fill(again, '\0');
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password: type it at the prompt, or pipe it on standard input "
                        + "(it is never taken from the command line)");
            }
            password = line.toCharArray();
        }
        String weakness = PasswordHasher.weakness(password);
        if (weakness != null) {
            throw new IllegalArgumentException(weakness + "; nothing was changed");
        }
        return password;
    }
}
