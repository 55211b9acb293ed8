package io.tradewind.terraform.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/** The configuration keys the code reads: fixed keys, and pass-through prefixes (names ending in "."). */
record CodeKeys(Set<String> fixed, Set<String> prefixes) {

    /** The brief's key list in expected-keys.txt, standing in for contracts' PlatformKeys until it lands. */
    static CodeKeys fromCode() {
        Set<String> fixed = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        try (InputStream in = CodeKeys.class.getResourceAsStream("/expected-keys.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                (name.endsWith(".") ? prefixes : fixed).add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CodeKeys(fixed, prefixes);
    }
}
