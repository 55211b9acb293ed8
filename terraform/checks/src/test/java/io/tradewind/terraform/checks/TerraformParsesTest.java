package io.tradewind.terraform.checks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerraformParsesTest {

    @Test
    void everyTerraformFileParses() {
        TerraformTree tree = Trees.real();
        assertEquals(java.util.List.of(), tree.parseErrors());
        // The two environments and the ten modules were all found, so a wrong root cannot pass as "no errors".
        assertEquals(12, tree.modules().size(), "modules found: " + tree.modules());
        assertTrue(TerraformTree.terraformFiles(tree.root()).size() >= 40);
    }

    @Test
    void filesThatDoNotParseAreRejectedByName() {
        TerraformTree tree = Trees.broken("syntax");
        assertEquals(2, tree.parseErrors().size(), tree.parseErrors().toString());
        assertEquals("modules/bad/main.tf: does not parse: line 2: '{' is never closed", tree.parseErrors().get(0));
        assertTrue(tree.parseErrors().get(1).startsWith("modules/worse/main.tf: does not parse: "),
                tree.parseErrors().get(1));
    }
}
