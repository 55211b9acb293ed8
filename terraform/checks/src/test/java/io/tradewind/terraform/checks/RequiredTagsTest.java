package io.tradewind.terraform.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

class RequiredTagsTest {

    @Test
    void everyTaggableResourceInTheRealTreeGetsTheRequiredTags() {
        Trees.assertNone(RequiredTagsCheck.check(Trees.real()));
    }

    @Test
    void missingTagsAreReported() {
        List<Finding> findings = RequiredTagsCheck.check(Trees.broken("tags"));
        Trees.assertReported(findings, "envs/dev/providers.tf", "default_tags lack [cost-center]");
        Trees.assertReported(findings, "modules/search/main.tf", "ec_deployment.this: tags lack [owner, cost-center]");
        Trees.assertReported(findings, "modules/search/main.tf", "provider aws configured in modules/search");
    }
}
