package io.tradewind.infra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.infra.embedded.EmbeddedHBase;
import io.tradewind.serving.admin.AccountStore;
import io.tradewind.serving.admin.AuditLog;
import io.tradewind.serving.admin.ConsoleAccess;
import io.tradewind.serving.admin.SessionPolicy;
import io.tradewind.serving.admin.SessionStore;
import io.tradewind.serving.admin.SignInRefused;
import io.tradewind.serving.api.auth.PasswordHasher;
import io.tradewind.serving.api.auth.PersonRole;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tradewind admin} on a real HBase: accounts made from a piped password, the length rule, no password on
 * the command line, and a disabled account's session ending at once for the console (which reads the same tables).
 */
class AdminCommandTest {
    private static final String NAMESPACE = "admincli";
    @TempDir
    static Path dir;
    private static EmbeddedHBase hbase;
    private static Connection connection;
    private static Path config;
    private static ConsoleAccess console;

    @BeforeAll
    static void start() throws Exception {
        hbase = EmbeddedHBase.start(dir.resolve("hbase").toFile());
        connection = ConnectionFactory.createConnection(hbase.configuration());
        config = Files.writeString(dir.resolve("tradewind.properties"), "hbase.zookeeper-quorum=" + hbase.zookeeperQuorum()
                + "\nhbase.namespace=" + NAMESPACE + "\nelasticsearch.url=http://127.0.0.1:9\n");
        io.tradewind.serving.admin.AdminTables.createIfAbsent(connection, NAMESPACE);
        console = new ConsoleAccess(new AccountStore(connection, NAMESPACE), new SessionStore(connection, NAMESPACE),
                new AuditLog(connection, NAMESPACE, Clock.systemUTC()), PasswordHasher.standard(),
                SessionPolicy.defaults(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        connection.close();
        hbase.close();
    }

    private static CommandLineErrorsTest.Outcome withStdin(String input, String... args) {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return CommandLineErrorsTest.run(args);
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void addUserReadsThePasswordFromAPipeAndTheConsoleSignsInWithIt() {
        CommandLineErrorsTest.Outcome o = withStdin("a long enough secret\n", "admin", "add-user", "--name", "alice",
                "--role", "merchandiser", "--config", config.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertEquals("Account 'alice' (merchandiser) created; sign in at /admin/.", o.out().strip());
        assertFalse(o.out().contains("secret") || o.err().contains("secret"));
        ConsoleAccess.SignedIn in = console.signIn("alice", "a long enough secret".toCharArray(), null);
        assertEquals(PersonRole.MERCHANDISER, in.account().role());
        assertTrue(in.account().passwordHash().startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));

        CommandLineErrorsTest.Outcome again = withStdin("another long secret\n", "admin", "add-user", "--name", "alice",
                "--role", "admin", "--config", config.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("an account named 'alice' exists already"), again.err());
    }

    @Test
    void aShortPasswordIsRefusedWithTheRuleAndNoneIsTakenFromTheCommandLine() {
        CommandLineErrorsTest.Outcome shortOne = withStdin("short\n", "admin", "add-user", "--name", "bob", "--role",
                "analyst", "--config", config.toString());
        assertEquals(1, shortOne.exitCode());
        assertEquals("error: a password needs at least 12 characters; nothing was changed", shortOne.err().strip());

        CommandLineErrorsTest.Outcome onTheLine = withStdin("", "admin", "add-user", "--name", "bob", "--role", "analyst",
                "--password", "a long enough secret", "--config", config.toString());
        assertEquals(2, onTheLine.exitCode(), "there is no --password option: " + onTheLine.err());

        CommandLineErrorsTest.Outcome noRole = withStdin("a long enough secret\n", "admin", "add-user", "--name", "bob",
                "--role", "boss", "--config", config.toString());
        assertEquals(2, noRole.exitCode());
        assertTrue(noRole.err().contains("one of admin, merchandiser, analyst"), noRole.err());
        assertEquals(1, withStdin("", "admin", "add-user", "--name", "bob", "--role", "analyst", "--config",
                config.toString()).exitCode(), "an empty pipe is no password");
    }

    @Test
    void disableEndsTheAccountsSessionsAndResetPasswordReplacesIt() {
        withStdin("carol's long secret\n", "admin", "add-user", "--name", "carol", "--role", "admin", "--config",
                config.toString());
        String token = console.signIn("carol", "carol's long secret".toCharArray(), null).token();
        console.authenticate(token);

        CommandLineErrorsTest.Outcome disabled = CommandLineErrorsTest.run("admin", "disable", "--name", "carol",
                "--config", config.toString());
        assertEquals(0, disabled.exitCode(), disabled.err());
        assertEquals("Account 'carol' disabled; 1 session(s) ended.", disabled.out().strip());
        SignInRefused ended = assertThrows(SignInRefused.class, () -> console.authenticate(token));
        assertTrue(ended.getMessage().contains("sign in again"), ended.getMessage());
        assertEquals(SignInRefused.Reason.DISABLED, assertThrows(SignInRefused.class,
                () -> console.signIn("carol", "carol's long secret".toCharArray(), null)).reason());

        assertEquals(0, CommandLineErrorsTest.run("admin", "enable", "--name", "carol", "--config", config.toString()).exitCode());
        assertEquals(0, withStdin("carol's new long secret\n", "admin", "reset-password", "--name", "carol", "--config",
                config.toString()).exitCode());
        assertEquals(SignInRefused.Reason.BAD_CREDENTIALS, assertThrows(SignInRefused.class,
                () -> console.signIn("carol", "carol's long secret".toCharArray(), null)).reason());
        console.signIn("carol", "carol's new long secret".toCharArray(), null);

        CommandLineErrorsTest.Outcome nobody = CommandLineErrorsTest.run("admin", "disable", "--name", "nobody",
                "--config", config.toString());
        assertEquals(1, nobody.exitCode());
        assertTrue(nobody.err().contains("no account named 'nobody'"), nobody.err());
    }
}
