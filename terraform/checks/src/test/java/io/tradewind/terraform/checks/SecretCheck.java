package io.tradewind.terraform.checks;

import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.HCLValue;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * No secret in the Terraform code or its tfvars: no variable that carries a secret (a Secrets Manager ARN is
 * passed instead), no secret-named argument, map key or container environment entry with a literal value, and
 * no literal that looks like a credential. Secrets reach the tasks only through Secrets Manager references.
 */
public final class SecretCheck {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api_?keys?|private_?key|access_?key|credential).*");
    // Names that point at a secret rather than hold one.
    private static final Pattern REFERENCE_NAME = Pattern.compile("(?i).*(_arn|_id|_name|_file|valueFrom)$");
    private static final List<Pattern> CREDENTIAL_VALUES = List.of(
            Pattern.compile("AKIA[0-9A-Z]{16}"),                        // AWS access key id
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            Pattern.compile("(?i)(password|passwd|secret|token)\\s*=\\s*[^\\s${}]{6,}")); // key=value inside a string

    private SecretCheck() {
    }

    public static List<Finding> check(TerraformTree tree) {
        List<Finding> findings = new ArrayList<>();
        for (TerraformModule module : tree.modules()) {
            for (Block variable : module.blocks("variable")) {
                String name = variable.label(1);
                if (isSecretName(name)) {
                    findings.add(new Finding(variable.file(), variable.line(), "variable `" + name + "` looks like a "
                            + "secret; pass the ARN of a Secrets Manager secret (e.g. `" + name + "_secret_arn`)"));
                }
            }
            for (Block block : module.blocks()) {
                scan(block.symbol(), block.file(), findings);
            }
            for (TerraformModule.VarsFile vars : module.varsFiles()) {
                for (Map.Entry<String, HCLAttribute> assignment : vars.assignments().entrySet()) {
                    scan(assignment.getValue(), vars.file(), findings);
                }
            }
        }
        return findings;
    }

    private static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches() && !REFERENCE_NAME.matcher(name).matches();
    }

    private static void scan(Symbol symbol, Path file, List<Finding> findings) {
        if (symbol instanceof HCLAttribute attribute && isSecretName(attribute.getName())) {
            Expressions.literal(attribute).filter(SecretCheck::isNonEmptyString).ifPresent(value ->
                    findings.add(new Finding(file, Expressions.line(attribute), "`" + attribute.getName()
                            + "` is set to a literal; read it from Secrets Manager instead")));
        }
        if (symbol instanceof HCLBlock map) {
            environmentEntry(map).ifPresent(name -> findings.add(new Finding(file, Expressions.line(map),
                    "container environment `" + name + "` holds a literal secret; use the task definition's "
                            + "`secrets` with a Secrets Manager valueFrom")));
        }
        if (symbol instanceof HCLValue value && value.value instanceof String text) {
            for (Pattern credential : CREDENTIAL_VALUES) {
                if (credential.matcher(text).find()) {
                    findings.add(new Finding(file, Expressions.line(value), "a literal looks like a credential ("
                            + credential.pattern() + ")"));
                }
            }
        }
        for (Symbol child : Expressions.children(symbol)) {
            scan(child, file, findings);
        }
    }

    /** { name = "DB_PASSWORD", value = "…" }: an ECS environment entry with a secret-looking name. */
    private static Optional<String> environmentEntry(HCLBlock map) {
        Map<String, HCLAttribute> attributes = new java.util.LinkedHashMap<>();
        for (Symbol child : Expressions.children(map)) {
            if (child instanceof HCLAttribute attribute) {
                attributes.put(attribute.getName(), attribute);
            }
        }
        HCLAttribute name = attributes.get("name");
        HCLAttribute value = attributes.get("value");
        if (name == null || value == null || Expressions.literal(value).filter(SecretCheck::isNonEmptyString).isEmpty()) {
            return Optional.empty();
        }
        return Expressions.literal(name).map(literal -> String.valueOf(literal.value)).filter(SecretCheck::isSecretName);
    }

    private static boolean isNonEmptyString(HCLValue value) {
        return value.value instanceof String text && !text.isBlank();
    }
}
