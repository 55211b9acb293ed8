package io.tradewind.terraform.checks;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The trees the tests check: the real terraform/ folder and the broken fixtures beside the tests. */
final class Trees {

    private static TerraformTree real;

    private Trees() {
    }

    /** terraform/, the parent of this module's folder (Surefire runs in the module's folder). */
    static synchronized TerraformTree real() {
        if (real == null) {
            Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
            assertTrue(Files.isDirectory(root.resolve("modules")), "no terraform/modules beside " + root);
            real = TerraformTree.read(root);
        }
        return real;
    }

    /** src/test/resources/broken/NAME: a small tree that breaks one rule on purpose. */
    static TerraformTree broken(String name) {
        try {
            return TerraformTree.read(Path.of(Trees.class.getResource("/broken/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The module in dir (relative to the tree's root), which the test needs to exist. */
    static TerraformModule module(TerraformTree tree, Path dir) {
        return tree.modules().stream().filter(module -> module.displayDir().equals(dir)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + dir + " in " + tree.root()));
    }

    static void assertNone(List<Finding> findings) {
        if (!findings.isEmpty()) {
            fail(findings.size() + " finding(s):\n" + findings.stream().map(Finding::toString)
                    .collect(Collectors.joining("\n")));
        }
    }

    /** Some finding names this file (path relative to the tree) and contains this text. */
    static void assertReported(List<Finding> findings, String file, String text) {
        boolean found = findings.stream()
                .anyMatch(f -> f.file().toString().equals(file) && f.toString().contains(text));
        assertTrue(found, "expected a finding in " + file + " containing \"" + text + "\"; got:\n"
                + findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
    }
}
