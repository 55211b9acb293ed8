package io.tradewind.terraform.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every Terraform module under a root folder (each directory with .tf files is one), parsed. Root modules, the
 * ones terraform is run in, are the directories under {@code envs/}.
 */
public final class TerraformTree {

    private final Path root;
    private final Map<Path, TerraformModule> modules = new LinkedHashMap<>();
    private final List<String> parseErrors = new ArrayList<>();

    private TerraformTree(Path root) {
        this.root = root;
    }

    /** Reads the tree; files that do not parse are listed in {@link #parseErrors()}, the rest are read. */
    public static TerraformTree read(Path root) {
        TerraformTree tree = new TerraformTree(root.toAbsolutePath().normalize());
        for (Path file : terraformFiles(tree.root)) {
            Path dir = file.getParent();
            TerraformModule module = tree.modules.computeIfAbsent(dir,
                    d -> new TerraformModule(d, tree.root.relativize(d)));
            try {
                HclDocument document = HclDocument.read(file, tree.root.relativize(file));
                if (file.toString().endsWith(".tfvars")) {
                    module.addVars(document);
                } else {
                    module.add(document);
                }
            } catch (HclDocument.ParseException e) {
                tree.parseErrors.add(e.getMessage());
            }
        }
        return tree;
    }

    /** .tf and .tfvars files, not those of the checks module itself (its fixtures are broken on purpose). */
    public static List<Path> terraformFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".tf") || f.toString().endsWith(".tfvars"))
                    .filter(f -> !root.relativize(f).startsWith("checks"))
                    .filter(f -> !root.relativize(f).toString().contains(".terraform"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public List<String> parseErrors() {
        return parseErrors;
    }

    public List<TerraformModule> modules() {
        return List.copyOf(modules.values());
    }

    public List<TerraformModule> rootModules() {
        return modules.values().stream().filter(m -> m.displayDir().startsWith("envs")).toList();
    }

    /** The module a module call's source names, when it is a local path inside this tree. */
    public Optional<TerraformModule> calledModule(TerraformModule caller, Block call) {
        return call.attribute("source")
                .flatMap(Expressions::literal)
                .map(value -> String.valueOf(value.value))
                .map(source -> caller.dir().resolve(source).normalize())
                .map(modules::get);
    }

    /** Every (caller, call) pair that calls the given module. */
    public List<Map.Entry<TerraformModule, Block>> callersOf(TerraformModule called) {
        List<Map.Entry<TerraformModule, Block>> callers = new ArrayList<>();
        for (TerraformModule caller : modules.values()) {
            for (Block call : caller.moduleCalls().values()) {
                if (calledModule(caller, call).filter(called::equals).isPresent()) {
                    callers.add(Map.entry(caller, call));
                }
            }
        }
        return callers;
    }
}
