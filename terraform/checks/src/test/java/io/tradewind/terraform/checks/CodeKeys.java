package io.tradewind.terraform.checks;

import io.tradewind.contracts.config.ConfigKey;
import io.tradewind.contracts.config.PlatformKeys;
import io.tradewind.contracts.config.ValueType;
import java.util.Set;
import java.util.TreeSet;

/** The configuration keys the code reads: fixed keys, and pass-through prefixes (names ending in "."). */
record CodeKeys(Set<String> fixed, Set<String> prefixes) {

    /**
     * Contracts' {@link PlatformKeys}, the one list every process loads its configuration against, but the secrets:
     * those come from the environment (Secrets Manager), and a file naming one is refused, so Terraform must not write
     * them.
     */
    static CodeKeys fromCode() {
        Set<String> fixed = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (ConfigKey key : PlatformKeys.all()) {
            if (key.type() != ValueType.SECRET) {
                (key.isPrefix() ? prefixes : fixed).add(key.name());
            }
        }
        return new CodeKeys(fixed, prefixes);
    }
}
