package io.tradewind.terraform.checks;

import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code terraform validate} would reject for names: every var., local., data., module. and resource
 * reference resolves inside its module; module.x.y names an output of module x; a module call passes only the
 * called module's variables and sets all its required ones; a root module's tfvars set its required variables,
 * declare nothing unknown and give primitives of the declared type.
 */
public final class ReferenceCheck {

    private static final Set<String> MODULE_META_ARGUMENTS = Set.of("source", "version", "count", "for_each",
            "depends_on", "providers");
    // Names Terraform defines itself, or that iterate (count.index, each.value, self in provisioners).
    private static final Set<String> BUILT_IN_ROOTS = Set.of("each", "count", "self", "path", "terraform");

    private ReferenceCheck() {
    }

    public static List<Finding> check(TerraformTree tree) {
        List<Finding> findings = new ArrayList<>();
        for (TerraformModule module : tree.modules()) {
            Set<String> providers = new HashSet<>(module.requiredProviders());
            providers.addAll(List.of("aws", "ec"));
            for (Block block : module.blocks()) {
                for (Expressions.Reference reference : Expressions.references(block.symbol())) {
                    unresolved(tree, module, providers, reference)
                            .ifPresent(message -> findings.add(new Finding(block.file(), reference.line(), message)));
                }
            }
            for (Block call : module.moduleCalls().values()) {
                checkCall(tree, module, call, findings);
            }
        }
        for (TerraformModule root : tree.rootModules()) {
            checkVarsFiles(root, findings);
        }
        return findings;
    }

    private static Optional<String> unresolved(TerraformTree tree, TerraformModule module, Set<String> providers,
                                               Expressions.Reference reference) {
        String root = reference.root();
        String where = " in " + module.displayDir();
        switch (root) {
            case "var" -> {
                return module.variables().containsKey(reference.part(1)) ? Optional.empty()
                        : Optional.of("`" + reference + "`: no variable `" + reference.part(1) + "` is declared" + where);
            }
            case "local" -> {
                return module.locals().containsKey(reference.part(1)) ? Optional.empty()
                        : Optional.of("`" + reference + "`: no local `" + reference.part(1) + "` is defined" + where);
            }
            case "data" -> {
                return module.dataSource(reference.part(1), reference.part(2)).isPresent() ? Optional.empty()
                        : Optional.of("`" + reference + "`: no data source `data." + reference.part(1) + "."
                        + reference.part(2) + "`" + where);
            }
            case "module" -> {
                Block call = module.moduleCalls().get(reference.part(1));
                if (call == null) {
                    return Optional.of("`" + reference + "`: no module `" + reference.part(1) + "` is called" + where);
                }
                Optional<TerraformModule> called = tree.calledModule(module, call);
                if (called.isEmpty() || reference.part(2).isEmpty()
                        || called.get().outputs().containsKey(reference.part(2))) {
                    return Optional.empty(); // an unknown source is reported once, at the call
                }
                return Optional.of("`" + reference + "`: module " + called.get().displayDir() + " has no output `"
                        + reference.part(2) + "`");
            }
            default -> {
                if (BUILT_IN_ROOTS.contains(root) || !root.contains("_")
                        || !providers.contains(root.substring(0, root.indexOf('_')))) {
                    return Optional.empty();
                }
                return module.resource(root, reference.part(1)).isPresent() ? Optional.empty()
                        : Optional.of("`" + reference + "`: no resource `" + root + "." + reference.part(1) + "`"
                        + where);
            }
        }
    }

    private static void checkCall(TerraformTree tree, TerraformModule caller, Block call, List<Finding> findings) {
        Optional<TerraformModule> resolved = tree.calledModule(caller, call);
        if (resolved.isEmpty()) {
            findings.add(new Finding(call.file(), call.line(), call.address() + ": source is not a module folder in "
                    + "this tree"));
            return;
        }
        TerraformModule called = resolved.get();
        for (Map.Entry<String, HCLAttribute> argument : call.attributes().entrySet()) {
            if (!MODULE_META_ARGUMENTS.contains(argument.getKey())
                    && !called.variables().containsKey(argument.getKey())) {
                findings.add(new Finding(call.file(), Expressions.line(argument.getValue()), call.address()
                        + " passes `" + argument.getKey() + "`, which " + called.displayDir() + " does not declare"));
            }
        }
        for (String variable : called.variables().keySet()) {
            if (!called.hasDefault(variable) && call.attribute(variable).isEmpty()) {
                findings.add(new Finding(call.file(), call.line(), call.address() + " does not set `" + variable
                        + "`, which " + called.displayDir() + " requires"));
            }
        }
    }

    private static void checkVarsFiles(TerraformModule root, List<Finding> findings) {
        Optional<TerraformModule.VarsFile> defaults = root.varsFiles().stream()
                .filter(vars -> vars.file().getFileName().toString().equals("terraform.tfvars"))
                .findFirst();
        Path where = defaults.map(TerraformModule.VarsFile::file)
                .orElse(root.displayDir().resolve("terraform.tfvars"));
        for (String variable : root.variables().keySet()) {
            if (!root.hasDefault(variable)
                    && defaults.map(vars -> !vars.assignments().containsKey(variable)).orElse(true)) {
                findings.add(new Finding(where, 1, "required variable `" + variable + "` of " + root.displayDir()
                        + " is not set"));
            }
        }
        for (TerraformModule.VarsFile vars : root.varsFiles()) {
            for (Map.Entry<String, HCLAttribute> assignment : vars.assignments().entrySet()) {
                Block declared = root.variables().get(assignment.getKey());
                int line = Expressions.line(assignment.getValue());
                if (declared == null) {
                    findings.add(new Finding(vars.file(), line, "`" + assignment.getKey() + "` is not a variable of "
                            + root.displayDir()));
                    continue;
                }
                wrongType(declared, assignment.getValue()).ifPresent(message ->
                        findings.add(new Finding(vars.file(), line, "`" + assignment.getKey() + "`: " + message)));
            }
        }
    }

    /** A primitive literal of another primitive type than the variable declares (string, number, bool). */
    private static Optional<String> wrongType(Block variable, HCLAttribute assignment) {
        Optional<String> declared = variable.attribute("type")
                .map(Expressions::value)
                .map(type -> type.getName() == null ? "" : type.getName());
        Optional<HCLValue> literal = Expressions.literal(assignment);
        if (declared.isEmpty() || literal.isEmpty()) {
            return Optional.empty();
        }
        String given = switch (String.valueOf(literal.get().type)) {
            case "string" -> "string";
            case "number" -> "number";
            case "boolean", "bool" -> "bool";
            default -> "";
        };
        boolean primitive = Set.of("string", "number", "bool").contains(declared.get());
        return primitive && !given.isEmpty() && !given.equals(declared.get())
                ? Optional.of("a " + given + " is given, the variable is declared " + declared.get())
                : Optional.empty();
    }
}
