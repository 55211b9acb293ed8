package io.tradewind.terraform.checks;

import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Terraform module: the .tf files of one directory, with its variables, locals, outputs, resources, data
 * sources, module calls and providers, plus the .tfvars files beside it (for a root module).
 */
public final class TerraformModule {

    /** A local value: its name, its expression and where it is defined. */
    public record Local(String name, HCLAttribute attribute, Path file) {
        public int line() {
            return Expressions.line(attribute);
        }
    }

    /** A .tfvars file: variable name → its assignment. */
    public record VarsFile(Path file, Map<String, HCLAttribute> assignments) {
    }

    private final Path dir;
    private final Path displayDir;
    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, Local> locals = new LinkedHashMap<>();
    private final List<VarsFile> varsFiles = new ArrayList<>();

    TerraformModule(Path dir, Path displayDir) {
        this.dir = dir;
        this.displayDir = displayDir;
    }

    void add(HclDocument document) {
        for (Symbol root : document.roots()) {
            if (!(root instanceof HCLBlock block)) {
                continue;
            }
            Block parsed = Block.of(block, document.displayPath());
            blocks.add(parsed);
            if (parsed.kind().equals("locals")) {
                parsed.attributes().forEach((name, attribute) ->
                        locals.put(name, new Local(name, attribute, document.displayPath())));
            }
        }
    }

    void addVars(HclDocument document) {
        Map<String, HCLAttribute> assignments = new LinkedHashMap<>();
        for (Symbol root : document.roots()) {
            if (root instanceof HCLAttribute attribute) {
                assignments.put(attribute.getName(), attribute);
            }
        }
        varsFiles.add(new VarsFile(document.displayPath(), assignments));
    }

    public Path dir() {
        return dir;
    }

    /** The directory relative to the tree's root, as findings name it. */
    public Path displayDir() {
        return displayDir;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public List<Block> blocks(String kind) {
        return blocks.stream().filter(block -> block.kind().equals(kind)).toList();
    }

    public Map<String, Block> variables() {
        return byFirstLabel("variable");
    }

    public Map<String, Block> outputs() {
        return byFirstLabel("output");
    }

    public Map<String, Block> moduleCalls() {
        return byFirstLabel("module");
    }

    public Map<String, Local> locals() {
        return locals;
    }

    public List<Block> resources() {
        return blocks("resource");
    }

    public List<Block> dataSources() {
        return blocks("data");
    }

    public List<VarsFile> varsFiles() {
        return varsFiles;
    }

    public Optional<Block> resource(String type, String name) {
        return resources().stream().filter(r -> r.label(1).equals(type) && r.label(2).equals(name)).findFirst();
    }

    public Optional<Block> dataSource(String type, String name) {
        return dataSources().stream().filter(d -> d.label(1).equals(type) && d.label(2).equals(name)).findFirst();
    }

    /** Provider local names this module requires (terraform { required_providers { aws = … } }). */
    public List<String> requiredProviders() {
        List<String> names = new ArrayList<>();
        for (Block terraform : blocks("terraform")) {
            for (Block required : terraform.blocks("required_providers")) {
                names.addAll(required.attributes().keySet());
            }
        }
        return names;
    }

    public boolean hasDefault(String variable) {
        Block block = variables().get(variable);
        return block != null && block.attribute("default").isPresent();
    }

    private Map<String, Block> byFirstLabel(String kind) {
        Map<String, Block> byName = new LinkedHashMap<>();
        for (Block block : blocks(kind)) {
            byName.put(block.label(1), block);
        }
        return byName;
    }

    @Override
    public String toString() {
        return displayDir.toString();
    }
}
