package io.tradewind.terraform.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwsProviderSchemaTest {

    @Test
    void theBindingsAnswerForResourcesDataSourcesAndNestedBlocks() {
        var bucket = AwsProviderSchema.of("aws_s3_bucket", false).orElseThrow();
        assertTrue(bucket.hasArgument("force_destroy"));
        assertFalse(bucket.hasArgument("force_destroyed"));
        assertTrue(bucket.isTaggable());
        var rule = AwsProviderSchema.of("aws_s3_bucket_server_side_encryption_configuration", false).orElseThrow()
                .block("rule").orElseThrow();
        assertTrue(rule.block("apply_server_side_encryption_by_default").orElseThrow().hasArgument("kms_master_key_id"));
        assertTrue(AwsProviderSchema.of("aws_iam_policy_document", true).orElseThrow().block("statement").isPresent());
        assertTrue(AwsProviderSchema.of("aws_s3_bukket", false).isEmpty());
    }

    @Test
    void everyAwsResourceAndArgumentInTheRealTreeExists() {
        Trees.assertNone(ProviderSchemaCheck.check(Trees.real()));
    }

    @Test
    void unknownTypesArgumentsAndBlocksAreReported() {
        List<Finding> findings = ProviderSchemaCheck.check(Trees.broken("schema"));
        Trees.assertReported(findings, "modules/bad/main.tf", "resource `aws_s3_bukket` does not exist");
        Trees.assertReported(findings, "modules/bad/main.tf", "data source `aws_regions_list` does not exist");
        Trees.assertReported(findings, "modules/bad/main.tf", "aws_s3_bucket.logs: `versioning_enabled` is not an argument");
        Trees.assertReported(findings, "modules/bad/main.tf", "aws_msk_cluster.events: block `zookeeper` is not part");
        Trees.assertReported(findings, "modules/bad/main.tf",
                "aws_msk_cluster.events.encryption_info.encryption_in_transit: `client_to_broker` is not an argument");
        Trees.assertReported(findings, "modules/bad/main.tf", "aws_security_group.api.ingress: `port` is not an argument");
    }
}
