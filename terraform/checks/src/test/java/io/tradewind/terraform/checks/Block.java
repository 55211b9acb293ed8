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
 * A block of a Terraform file ({@code resource "aws_vpc" "this" { … }}, or a nested block such as
 * {@code ingress { … }}): its labels, its attributes and nested blocks, the file it is in.
 */
public record Block(List<String> labels, Symbol symbol, Path file) {

    public static Block of(HCLBlock symbol, Path file) {
        return new Block(List.copyOf(symbol.blockNames), symbol, file);
    }

    public String kind() {
        return labels.get(0);
    }

    /** The first label after the kind: a resource's type, a variable's name. */
    public String label(int index) {
        return labels.size() > index ? labels.get(index) : "";
    }

    /** 1-based, as editors count. */
    public int line() {
        return Expressions.line(symbol);
    }

    public Map<String, HCLAttribute> attributes() {
        Map<String, HCLAttribute> attributes = new LinkedHashMap<>();
        for (Symbol child : children()) {
            if (child instanceof HCLAttribute attribute) {
                attributes.put(attribute.getName(), attribute);
            }
        }
        return attributes;
    }

    public Optional<HCLAttribute> attribute(String name) {
        return Optional.ofNullable(attributes().get(name));
    }

    /** Nested blocks written as blocks (not map literals, which hcl4j nests under their attribute). */
    public List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (Symbol child : children()) {
            if (child instanceof HCLBlock block) {
                blocks.add(Block.of(block, file));
            }
        }
        return blocks;
    }

    public List<Block> blocks(String kind) {
        return blocks().stream().filter(block -> block.kind().equals(kind)).toList();
    }

    /** "aws_vpc.this" for a resource, "data.aws_region.current" for a data source, "module.x", "var.x". */
    public String address() {
        return switch (kind()) {
            case "resource" -> label(1) + "." + label(2);
            case "data" -> "data." + label(1) + "." + label(2);
            case "module" -> "module." + label(1);
            case "variable" -> "var." + label(1);
            case "output" -> "output." + label(1);
            default -> String.join(".", labels);
        };
    }

    private List<Symbol> children() {
        return symbol.getChildren() == null ? List.of() : symbol.getChildren();
    }
}
