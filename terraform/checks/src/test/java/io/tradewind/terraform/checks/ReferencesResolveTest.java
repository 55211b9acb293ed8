package io.tradewind.terraform.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

class ReferencesResolveTest {

    @Test
    void everyReferenceInTheRealTreeResolves() {
        Trees.assertNone(ReferenceCheck.check(Trees.real()));
    }

    @Test
    void brokenReferencesAreReportedWithFileAndName() {
        List<Finding> findings = ReferenceCheck.check(Trees.broken("references"));
        Trees.assertReported(findings, "modules/store/main.tf", "`var.bucket_prefx`: no variable `bucket_prefx`");
        Trees.assertReported(findings, "modules/store/main.tf", "`local.suffix`: no local `suffix`");
        Trees.assertReported(findings, "modules/store/main.tf", "no data source `data.aws_caller_identity.me`");
        Trees.assertReported(findings, "modules/store/outputs.tf", "`aws_s3_bucket.logs.arn`: no resource");
        Trees.assertReported(findings, "envs/dev/main.tf", "module modules/store has no output `bucket_id`");
        Trees.assertReported(findings, "envs/dev/main.tf", "`module.network.vpc_id`: no module `network`");
        Trees.assertReported(findings, "envs/dev/main.tf", "module.store passes `versioned`, which modules/store does not declare");
        Trees.assertReported(findings, "envs/dev/main.tf", "module.store does not set `bucket_prefix`");
        Trees.assertReported(findings, "envs/dev/terraform.tfvars", "`regoin` is not a variable of envs/dev");
        Trees.assertReported(findings, "envs/dev/terraform.tfvars", "required variable `owner` of envs/dev is not set");
        Trees.assertReported(findings, "envs/dev/terraform.tfvars", "`replicas`: a string is given, the variable is declared number");
    }
}
