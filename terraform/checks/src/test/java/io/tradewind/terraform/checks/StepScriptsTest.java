package io.tradewind.terraform.checks;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EMR step scripts are valid bash, read only keys terraform writes, and get every variable they require. */
class StepScriptsTest {

    private static final Path EMR = Path.of("modules/emr");

    @Test
    void theStepScriptsReadWhatTerraformProvides() {
        TerraformTree tree = Trees.real();
        List<Finding> findings = new ArrayList<>();
        Set<String> environment = StepScripts.stepEnvironment(Trees.module(tree, EMR), findings);
        findings.addAll(StepScripts.check(tree.root().resolve(EMR).resolve("scripts"), tree.root(),
                writtenKeys(tree), environment));
        Trees.assertNone(findings);
        // The speed layer and publish authenticate to Elastic Cloud with the secret this names.
        assertTrue(environment.contains("TRADEWIND_ELASTICSEARCH_SECRET_ARN"), environment.toString());
    }

    @Test
    void brokenScriptsAreReportedWithFileAndLine() {
        TerraformTree broken = Trees.broken("step-scripts");
        List<Finding> findings = new ArrayList<>();
        Set<String> environment = StepScripts.stepEnvironment(Trees.module(broken, EMR), findings);
        findings.addAll(StepScripts.check(broken.root().resolve(EMR).resolve("scripts"), broken.root(),
                writtenKeys(Trees.real()), environment));
        String script = "modules/emr/scripts/submit.sh";
        Trees.assertReported(findings, script, "is not valid bash");
        Trees.assertReported(findings, script, "6: reads `kafka.topic`, which terraform does not write");
        Trees.assertReported(findings, script, "4: requires $TRADEWIND_ELASTICSEARCH_SECRET_ARN, which the emr "
                + "module's run_script does not set");
        assertEquals(3, findings.size(), findings.toString());
    }

    private static Set<String> writtenKeys(TerraformTree tree) {
        Set<String> keys = new TreeSet<>();
        for (PlatformConfigKeys.WrittenKey key : PlatformConfigKeys.written(Trees.module(tree,
                Path.of("modules/platform-config")), new ArrayList<>())) {
            keys.add(key.name());
        }
        return keys;
    }
}
