package io.tradewind.terraform.checks;

import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.VariableTree;
import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows an expression to what it can be without running Terraform: through locals, variable defaults, tfvars
 * and, for a module's variable, the arguments its callers pass.
 */
public final class ValueResolver {

    private final TerraformTree tree;

    public ValueResolver(TerraformTree tree) {
        this.tree = tree;
    }

    /** Every string literal the expression can evaluate to or contain, following var. and local. references. */
    public List<String> strings(TerraformModule module, Symbol expression) {
        List<String> strings = new ArrayList<>();
        collectStrings(module, expression, strings, new HashSet<>());
        return strings;
    }

    private void collectStrings(TerraformModule module, Symbol expression, List<String> into, Set<String> seen) {
        into.addAll(Expressions.stringLiterals(expression));
        for (Expressions.Reference reference : Expressions.references(expression)) {
            String key = module.displayDir() + ":" + reference.root() + "." + reference.part(1);
            if (!seen.add(key)) {
                continue;
            }
            for (Resolved resolved : resolve(module, reference)) {
                collectStrings(resolved.module(), resolved.expression(), into, seen);
            }
        }
    }

    /**
     * The keys a map expression surely has: a literal's keys, a merge()'s union, a local's or a variable's
     * value's keys; for a module variable, the keys every caller passes (the intersection).
     */
    public Set<String> mapKeys(TerraformModule module, Symbol expression) {
        return mapKeys(module, expression, new HashSet<>());
    }

    private Set<String> mapKeys(TerraformModule module, Symbol expression, Set<String> seen) {
        if (expression instanceof HCLBlock map) {
            return Expressions.mapKeys(map);
        }
        Set<String> keys = new HashSet<>();
        if (Expressions.isCall(expression, "merge")) {
            for (Symbol argument : Expressions.children(expression)) {
                keys.addAll(mapKeys(module, argument, seen));
            }
            return keys;
        }
        if (expression instanceof VariableTree tree) {
            List<Expressions.Reference> references = Expressions.references(tree);
            if (references.size() != 1 || !seen.add(module.displayDir() + ":" + references.get(0))) {
                return keys;
            }
            List<Resolved> resolved = resolve(module, references.get(0));
            for (int i = 0; i < resolved.size(); i++) {
                Set<String> these = mapKeys(resolved.get(i).module(), resolved.get(i).expression(), seen);
                if (i == 0) {
                    keys.addAll(these);
                } else {
                    keys.retainAll(these);
                }
            }
        }
        return keys;
    }

    private record Resolved(TerraformModule module, Symbol expression) {
    }

    private List<Resolved> resolve(TerraformModule module, Expressions.Reference reference) {
        List<Resolved> resolved = new ArrayList<>();
        if (reference.root().equals("local")) {
            Optional.ofNullable(module.locals().get(reference.part(1)))
                    .ifPresent(local -> resolved.add(new Resolved(module, Expressions.value(local.attribute()))));
        } else if (reference.root().equals("var")) {
            String name = reference.part(1);
            Optional.ofNullable(module.variables().get(name)).flatMap(v -> v.attribute("default"))
                    .ifPresent(value -> resolved.add(new Resolved(module, Expressions.value(value))));
            for (TerraformModule.VarsFile vars : module.varsFiles()) {
                HCLAttribute value = vars.assignments().get(name);
                if (value != null) {
                    resolved.add(new Resolved(module, Expressions.value(value)));
                }
            }
            for (Map.Entry<TerraformModule, Block> caller : tree.callersOf(module)) {
                caller.getValue().attribute(name)
                        .ifPresent(value -> resolved.add(new Resolved(caller.getKey(), Expressions.value(value))));
            }
        }
        return resolved;
    }
}
