package io.tradewind.terraform.checks;

import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys terraform writes into tradewind.properties, read from the platform-config module: the literal keys of
 * every map local that {@code local.entries} merges, and how they compare with the keys the code reads.
 */
public final class PlatformConfigKeys {

    /** The local whose map becomes the file, one line per key. */
    static final String ENTRIES_LOCAL = "entries";

    /** A key terraform writes, and where. */
    public record WrittenKey(String name, Path file, int line) {
    }

    private PlatformConfigKeys() {
    }

    /** The keys written by the module; a finding when the module has no {@code local.entries} merge of maps. */
    public static List<WrittenKey> written(TerraformModule module, List<Finding> findings) {
        List<WrittenKey> keys = new ArrayList<>();
        TerraformModule.Local entries = module.locals().get(ENTRIES_LOCAL);
        if (entries == null) {
            findings.add(new Finding(module.displayDir(), 1, module.displayDir() + " defines no local `"
                    + ENTRIES_LOCAL + "` (the map written to tradewind.properties)"));
            return keys;
        }
        collect(module, Expressions.value(entries.attribute()), entries.file(), keys, findings);
        return keys;
    }

    private static void collect(TerraformModule module, Symbol expression, Path file, List<WrittenKey> keys,
                                List<Finding> findings) {
        if (expression instanceof HCLBlock map) {
            for (Symbol child : Expressions.children(map)) {
                if (child instanceof HCLAttribute attribute) {
                    keys.add(new WrittenKey(attribute.getName(), file, Expressions.line(attribute)));
                }
            }
            return;
        }
        if (Expressions.isCall(expression, "merge")) {
            for (Symbol argument : Expressions.children(expression)) {
                collect(module, argument, file, keys, findings);
            }
            return;
        }
        List<Expressions.Reference> references = Expressions.references(expression);
        if (references.size() == 1 && references.get(0).root().equals("local")
                && module.locals().containsKey(references.get(0).part(1))) {
            TerraformModule.Local local = module.locals().get(references.get(0).part(1));
            collect(module, Expressions.value(local.attribute()), local.file(), keys, findings);
            return;
        }
        // A computed key (a for expression, a variable map) cannot be compared with the code's keys.
        findings.add(new Finding(file, Expressions.line(expression), "tradewind.properties keys must be literal "
                + "map keys merged into local." + ENTRIES_LOCAL + "; this part is computed"));
    }

    /**
     * The written keys against the code's: the fixed keys (those under no pass-through prefix) must be the code's
     * fixed keys exactly, and every other key must start with one of the code's pass-through prefixes.
     */
    public static List<Finding> compare(List<WrittenKey> written, Set<String> codeFixedKeys, Set<String> codePrefixes,
                                        Path moduleFile) {
        List<Finding> findings = new ArrayList<>();
        Set<String> writtenFixed = new TreeSet<>();
        for (WrittenKey key : written) {
            boolean passThrough = codePrefixes.stream().anyMatch(prefix -> key.name().startsWith(prefix));
            if (passThrough) {
                continue;
            }
            writtenFixed.add(key.name());
            if (!codeFixedKeys.contains(key.name())) {
                findings.add(new Finding(key.file(), key.line(), "writes `" + key.name() + "`, which the code does "
                        + "not read (not one of its keys, and under none of its prefixes " + new TreeSet<>(codePrefixes)
                        + ")"));
            }
        }
        for (String key : new TreeSet<>(codeFixedKeys)) {
            if (!writtenFixed.contains(key)) {
                findings.add(new Finding(moduleFile, 1, "does not write `" + key + "`, which the code reads "
                        + "; every fixed key is written, defaults included"));
            }
        }
        return findings;
    }
}
