package io.tradewind.terraform.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpenIngressTest {

    @Test
    void onlyThePublicListenerIsOpenInTheRealTree() {
        Trees.assertNone(OpenIngressCheck.check(Trees.real()));
    }

    @Test
    void theRealPublicListenerIsReallyOpenAndOnlyOnHttps() {
        // Guards the exception itself: were the rule renamed or moved, the check above would pass vacuously.
        TerraformModule network = Trees.real().modules().stream()
                .filter(m -> m.displayDir().toString().equals("modules/network")).findFirst().orElseThrow();
        Block listener = network.resource("aws_vpc_security_group_ingress_rule", "alb_https").orElseThrow();
        assertEquals(List.of("0.0.0.0/0"), Expressions.stringLiterals(listener.attribute("cidr_ipv4").orElseThrow()));
        assertEquals("443", String.valueOf(Expressions.literal(listener.attribute("from_port").orElseThrow())
                .orElseThrow().value).replaceFirst("\\.0$", ""));
    }

    @Test
    void openIngressOutsideThePublicListenerIsReported() {
        List<Finding> findings = OpenIngressCheck.check(Trees.broken("ingress"));
        Trees.assertReported(findings, "modules/network/main.tf",
                "aws_vpc_security_group_ingress_rule.alb_https admits 0.0.0.0/0");
        Trees.assertReported(findings, "modules/network/main.tf", "aws_security_group.ssh admits 0.0.0.0/0");
        Trees.assertReported(findings, "modules/network/main.tf", "aws_security_group_rule.ipv6 admits ::/0");
        Trees.assertReported(findings, "modules/bastion/main.tf",
                "aws_vpc_security_group_ingress_rule.alb_https admits 0.0.0.0/0");
        assertEquals(4, findings.size(), findings.toString()); // the egress rule is not an ingress
    }
}
