package io.tradewind.terraform.checks;

import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * No security group admits the whole internet (0.0.0.0/0 or ::/0) except the API's public HTTPS listener: inline
 * {@code ingress} blocks, {@code aws_security_group_rule} of type ingress and
 * {@code aws_vpc_security_group_ingress_rule} are all looked at, with CIDRs followed through variables and locals.
 */
public final class OpenIngressCheck {

    private static final Set<String> OPEN = Set.of("0.0.0.0/0", "::/0");
    private static final List<String> CIDR_ARGUMENTS = List.of("cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4",
            "cidr_ipv6");

    /** The one rule allowed to be open: the load balancer's listener, in the network module, on 443 only. */
    static final String PUBLIC_LISTENER_MODULE = "network";
    static final String PUBLIC_LISTENER_RULE = "aws_vpc_security_group_ingress_rule.alb_https";
    static final String PUBLIC_LISTENER_PORT = "443";

    private OpenIngressCheck() {
    }

    public static List<Finding> check(TerraformTree tree) {
        List<Finding> findings = new ArrayList<>();
        ValueResolver values = new ValueResolver(tree);
        for (TerraformModule module : tree.modules()) {
            for (Block resource : module.resources()) {
                switch (resource.label(1)) {
                    case "aws_security_group" -> {
                        for (Block ingress : ingressBlocks(resource)) {
                            checkRule(module, resource, ingress, values, findings);
                        }
                    }
                    case "aws_security_group_rule" -> {
                        boolean ingress = resource.attribute("type")
                                .map(type -> values.strings(module, type)).orElse(List.of()).contains("ingress");
                        if (ingress) {
                            checkRule(module, resource, resource, values, findings);
                        }
                    }
                    case "aws_vpc_security_group_ingress_rule" -> checkRule(module, resource, resource, values,
                            findings);
                    default -> {
                    }
                }
            }
        }
        return findings;
    }

    private static List<Block> ingressBlocks(Block group) {
        List<Block> blocks = new ArrayList<>(group.blocks("ingress"));
        for (Block dynamic : group.blocks("dynamic")) {
            if (dynamic.label(1).equals("ingress")) {
                blocks.addAll(dynamic.blocks("content"));
            }
        }
        return blocks;
    }

    private static void checkRule(TerraformModule module, Block resource, Block rule, ValueResolver values,
                                  List<Finding> findings) {
        Optional<String> open = CIDR_ARGUMENTS.stream()
                .flatMap(argument -> rule.attribute(argument).stream())
                .flatMap(attribute -> values.strings(module, attribute).stream())
                .filter(OPEN::contains)
                .findFirst();
        if (open.isEmpty() || isPublicListener(module, resource, rule)) {
            return;
        }
        findings.add(new Finding(rule.file(), rule.line(), resource.address() + " admits " + open.get()
                + "; only " + PUBLIC_LISTENER_RULE + " (port " + PUBLIC_LISTENER_PORT + ") in modules/"
                + PUBLIC_LISTENER_MODULE + " may"));
    }

    private static boolean isPublicListener(TerraformModule module, Block resource, Block rule) {
        return module.displayDir().getFileName().toString().equals(PUBLIC_LISTENER_MODULE)
                && resource.address().equals(PUBLIC_LISTENER_RULE)
                && port(rule, "from_port").equals(PUBLIC_LISTENER_PORT)
                && port(rule, "to_port").equals(PUBLIC_LISTENER_PORT);
    }

    /** A port written as a literal ("443", 443 or 443.0 as hcl4j may keep it), else "". */
    private static String port(Block rule, String argument) {
        Optional<HCLAttribute> attribute = rule.attribute(argument);
        return attribute.flatMap(Expressions::literal)
                .map(value -> String.valueOf(value.value).replaceFirst("\\.0$", ""))
                .orElse("");
    }
}
