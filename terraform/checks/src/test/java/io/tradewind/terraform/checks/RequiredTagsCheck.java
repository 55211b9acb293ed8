package io.tradewind.terraform.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tags cost reports and clean-up scripts rely on are on every taggable resource. AWS resources get them
 * from the root module's provider {@code default_tags}, so each root must configure the aws provider with all of
 * them and no other module may configure a provider of its own (its resources would miss them). Resources of
 * providers without default_tags must set them in {@code tags}, literally or through variables and locals.
 */
public final class RequiredTagsCheck {

    public static final Set<String> REQUIRED = new LinkedHashSet<>(List.of("project", "environment", "owner",
            "cost-center"));

    // Resource types of providers without default_tags that take tags. No CDKTF bindings exist for elastic/ec on
    // Maven Central, so this list stands in for its schema; add a type when a module starts using it.
    private static final Set<String> TAGGABLE_WITHOUT_DEFAULT_TAGS = Set.of("ec_deployment");

    private RequiredTagsCheck() {
    }

    public static List<Finding> check(TerraformTree tree) {
        List<Finding> findings = new ArrayList<>();
        ValueResolver values = new ValueResolver(tree);
        for (TerraformModule root : tree.rootModules()) {
            List<Block> aws = root.blocks("provider").stream().filter(p -> p.label(1).equals("aws")).toList();
            if (aws.isEmpty()) {
                findings.add(new Finding(root.displayDir(), 1, "root module " + root.displayDir()
                        + " does not configure provider aws with default_tags"));
            }
            for (Block provider : aws) {
                Set<String> tags = provider.blocks("default_tags").stream()
                        .flatMap(defaults -> defaults.attribute("tags").stream())
                        .map(attribute -> values.mapKeys(root, Expressions.value(attribute)))
                        .findFirst().orElse(Set.of());
                Set<String> missing = new LinkedHashSet<>(REQUIRED);
                missing.removeAll(tags);
                if (!missing.isEmpty()) {
                    findings.add(new Finding(provider.file(), provider.line(), "provider aws in " + root.displayDir()
                            + ": default_tags lack " + missing));
                }
            }
        }
        for (TerraformModule module : tree.modules()) {
            if (!tree.rootModules().contains(module)) {
                for (Block provider : module.blocks("provider")) {
                    findings.add(new Finding(provider.file(), provider.line(), "provider " + provider.label(1)
                            + " configured in " + module.displayDir() + ", which is not a root module: its"
                            + " resources would miss the root's default_tags"));
                }
            }
            for (Block resource : module.resources()) {
                if (!TAGGABLE_WITHOUT_DEFAULT_TAGS.contains(resource.label(1))) {
                    continue;
                }
                Set<String> tags = resource.attribute("tags")
                        .map(attribute -> values.mapKeys(module, Expressions.value(attribute)))
                        .orElse(Set.of());
                Set<String> missing = new LinkedHashSet<>(REQUIRED);
                missing.removeAll(tags);
                if (!missing.isEmpty()) {
                    findings.add(new Finding(resource.file(), resource.line(), resource.address() + ": tags lack "
                            + missing + " (its provider has no default_tags)"));
                }
            }
        }
        return findings;
    }
}
