package io.tradewind.terraform.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

class NoPlaintextSecretsTest {

    @Test
    void theRealTreeHoldsNoSecret() {
        Trees.assertNone(SecretCheck.check(Trees.real()));
    }

    @Test
    void secretsInVariablesLiteralsAndEnvironmentsAreReported() {
        List<Finding> findings = SecretCheck.check(Trees.broken("secrets"));
        Trees.assertReported(findings, "modules/api/main.tf", "variable `db_password` looks like a secret");
        Trees.assertReported(findings, "modules/api/main.tf", "`password` is set to a literal");
        Trees.assertReported(findings, "modules/api/main.tf", "container environment `ELASTICSEARCH_PASSWORD`");
        Trees.assertReported(findings, "modules/api/main.tf", "a literal looks like a credential (AKIA");
        Trees.assertReported(findings, "envs/dev/variables.tf", "variable `shop_api_key` looks like a secret");
        Trees.assertReported(findings, "envs/dev/terraform.tfvars", "`shop_api_key` is set to a literal");
    }
}
