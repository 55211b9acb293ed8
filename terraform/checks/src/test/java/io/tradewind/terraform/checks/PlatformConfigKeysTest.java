package io.tradewind.terraform.checks;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tradewind.properties as terraform writes it has exactly the keys the code reads, and nothing unknown. */
class PlatformConfigKeysTest {

    private static final Path MODULE_DIR = Path.of("modules/platform-config");
    private static final Path MODULE_FILE = MODULE_DIR.resolve("main.tf");

    @Test
    void terraformWritesExactlyTheKeysTheCodeReads() {
        List<Finding> findings = new ArrayList<>();
        List<PlatformConfigKeys.WrittenKey> written = PlatformConfigKeys.written(Trees.module(Trees.real(), MODULE_DIR), findings);
        CodeKeys code = CodeKeys.fromCode();
        findings.addAll(PlatformConfigKeys.compare(written, code.fixed(), code.prefixes(), MODULE_FILE));
        Trees.assertNone(findings);
        // Pass-through settings are written too (MSK's IAM auth), each under one of the code's prefixes.
        assertTrue(written.stream().anyMatch(key -> key.name().equals("kafka.conf.sasl.mechanism")));
    }

    @Test
    void aKeyTheCodeAddsFailsUntilTerraformWritesIt() {
        // The code side changing alone: a new fixed key in the code, a prefix the code drops.
        List<PlatformConfigKeys.WrittenKey> written = PlatformConfigKeys.written(Trees.module(Trees.real(), MODULE_DIR),
                new ArrayList<>());
        CodeKeys code = CodeKeys.fromCode();
        Set<String> moreFixed = new TreeSet<>(code.fixed());
        moreFixed.add("api.request-timeout");
        Set<String> fewerPrefixes = new TreeSet<>(code.prefixes());
        fewerPrefixes.remove("hadoop.conf.");

        List<Finding> findings = PlatformConfigKeys.compare(written, moreFixed, fewerPrefixes, MODULE_FILE);
        Trees.assertReported(findings, MODULE_FILE.toString(), "does not write `api.request-timeout`");
        Trees.assertReported(findings, MODULE_FILE.toString(), "writes `hadoop.conf.fs.s3a.endpoint.region`, which the code does not read");
    }

    @Test
    void keysTerraformGetsWrongAreReportedWithFileAndKey() {
        TerraformTree broken = Trees.broken("platform-config");
        List<Finding> findings = new ArrayList<>();
        List<PlatformConfigKeys.WrittenKey> written = PlatformConfigKeys.written(Trees.module(broken, MODULE_DIR), findings);
        CodeKeys code = CodeKeys.fromCode();
        findings.addAll(PlatformConfigKeys.compare(written, code.fixed(), code.prefixes(), MODULE_FILE));
        Trees.assertReported(findings, MODULE_FILE.toString(), "does not write `retrain.lock-timeout`");
        Trees.assertReported(findings, MODULE_FILE.toString(), "writes `kafka.topic`, which the code does not read");
        Trees.assertReported(findings, MODULE_FILE.toString(), "writes `flink.conf.parallelism`, which the code does not read");
        Trees.assertReported(findings, MODULE_FILE.toString(), "this part is computed");
        assertEquals(4, findings.size(), findings.toString());
    }
}
