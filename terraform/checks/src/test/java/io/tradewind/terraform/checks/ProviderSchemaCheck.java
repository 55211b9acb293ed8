package io.tradewind.terraform.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every AWS resource and data source type exists in the provider, and so does every argument and nested block
 * it sets. Other providers are not checked here: Maven Central has no CDKTF bindings for elastic/ec.
 */
public final class ProviderSchemaCheck {

    // Terraform's own meta-arguments, valid on every resource (the bindings keep them on TerraformMetaArguments,
    // except lifecycle and provisioner blocks, which are Terraform's, not the provider's).
    private static final Set<String> META_ARGUMENTS = Set.of("count", "for_each", "depends_on", "provider",
            "lifecycle", "provisioner", "connection");

    private ProviderSchemaCheck() {
    }

    public static List<Finding> check(TerraformTree tree) {
        List<Finding> findings = new ArrayList<>();
        for (TerraformModule module : tree.modules()) {
            for (Block block : module.blocks()) {
                boolean dataSource = block.kind().equals("data");
                if (!block.kind().equals("resource") && !dataSource) {
                    continue;
                }
                String type = block.label(1);
                if (!type.startsWith("aws_")) {
                    continue;
                }
                Optional<AwsProviderSchema.Schema> schema = AwsProviderSchema.of(type, dataSource);
                if (schema.isEmpty()) {
                    findings.add(new Finding(block.file(), block.line(), (dataSource ? "data source `" : "resource `")
                            + type + "` does not exist in the AWS provider"));
                    continue;
                }
                checkBody(block, schema.get(), block.address(), findings);
            }
        }
        return findings;
    }

    private static void checkBody(Block block, AwsProviderSchema.Schema schema, String path, List<Finding> findings) {
        for (var attribute : block.attributes().entrySet()) {
            String name = attribute.getKey();
            if (!META_ARGUMENTS.contains(name) && !schema.hasArgument(name)) {
                findings.add(new Finding(block.file(), Expressions.line(attribute.getValue()),
                        path + ": `" + name + "` is not an argument of " + schema.prefix() + " in the AWS provider"));
            }
        }
        for (Block nested : block.blocks()) {
            if (META_ARGUMENTS.contains(nested.kind())) {
                continue;
            }
            // dynamic "ingress" { content { … } } is an ingress block written once per element.
            boolean dynamic = nested.kind().equals("dynamic");
            String name = dynamic ? nested.label(1) : nested.kind();
            Optional<AwsProviderSchema.Schema> nestedSchema = schema.block(name);
            if (nestedSchema.isEmpty()) {
                findings.add(new Finding(nested.file(), nested.line(), path + ": block `" + name
                        + "` is not part of " + schema.prefix() + " in the AWS provider"));
                continue;
            }
            List<Block> bodies = dynamic ? nested.blocks("content") : List.of(nested);
            for (Block body : bodies) {
                checkBody(body, nestedSchema.get(), path + "." + name, findings);
            }
        }
    }
}
