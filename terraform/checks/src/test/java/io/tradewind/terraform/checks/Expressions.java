package io.tradewind.terraform.checks;

import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Function;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Variable;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.VariableTree;
import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.HCLValue;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading hcl4j's expression trees: references, string literals, map-literal keys. */
public final class Expressions {

    /** A reference such as var.name or module.kafka.cluster_arn, split at the dots (indexes left out). */
    public record Reference(List<String> parts, int line) {
        public String root() {
            return parts.get(0);
        }

        public String part(int index) {
            return parts.size() > index ? parts.get(index) : "";
        }

        @Override
        public String toString() {
            return String.join(".", parts);
        }
    }

    // hcl4j keeps heredocs as plain strings, so references inside ${…} there are found by pattern.
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern DOTTED = Pattern.compile("\\b[a-z_][a-z0-9_-]*(?:\\.[a-z_][a-z0-9_-]*)+");

    private Expressions() {
    }

    public static int line(Symbol symbol) {
        return symbol.getLine() == null ? 0 : symbol.getLine() + 1;
    }

    /** Every reference in the expression, nested blocks and map literals included. */
    public static List<Reference> references(Symbol expression) {
        List<Reference> references = new ArrayList<>();
        collectReferences(expression, references);
        return references;
    }

    private static void collectReferences(Symbol symbol, List<Reference> into) {
        if (symbol instanceof VariableTree tree) {
            List<String> parts = new ArrayList<>();
            for (Symbol child : children(tree)) {
                if (child instanceof Variable variable && !(child instanceof VariableTree)) {
                    parts.add(variable.getName());
                } else {
                    collectReferences(child, into); // an index expression may hold references itself
                }
            }
            if (!parts.isEmpty()) {
                into.add(new Reference(List.copyOf(parts), line(tree)));
            }
            return;
        }
        if (symbol instanceof HCLValue value && value.value instanceof String text) {
            Matcher interpolation = INTERPOLATION.matcher(text);
            while (interpolation.find()) {
                Matcher dotted = DOTTED.matcher(interpolation.group(1));
                while (dotted.find()) {
                    into.add(new Reference(List.of(dotted.group().split("\\.")), line(value)));
                }
            }
        }
        for (Symbol child : children(symbol)) {
            collectReferences(child, into);
        }
    }

    /** Every string literal in the expression (including keys' values in map literals and function arguments). */
    public static List<String> stringLiterals(Symbol expression) {
        List<String> literals = new ArrayList<>();
        collectLiterals(expression, literals);
        return literals;
    }

    private static void collectLiterals(Symbol symbol, List<String> into) {
        if (symbol instanceof HCLValue value && value.value instanceof String text) {
            into.add(text);
        }
        for (Symbol child : children(symbol)) {
            collectLiterals(child, into);
        }
    }

    /** The value of an attribute when it is one plain literal (string, number, bool), else empty. */
    public static Optional<HCLValue> literal(HCLAttribute attribute) {
        List<Symbol> values = children(attribute);
        return values.size() == 1 && values.get(0) instanceof HCLValue value ? Optional.of(value) : Optional.empty();
    }

    /** The single expression an attribute holds, or the attribute itself when it holds several symbols. */
    public static Symbol value(HCLAttribute attribute) {
        List<Symbol> values = children(attribute);
        return values.size() == 1 ? values.get(0) : attribute;
    }

    /** The keys of a map literal ({@code { a = 1, "b.c" = 2 }}), in order. */
    public static Set<String> mapKeys(HCLBlock map) {
        Set<String> keys = new LinkedHashSet<>();
        for (Symbol child : children(map)) {
            if (child instanceof HCLAttribute attribute) {
                keys.add(attribute.getName());
            }
        }
        return keys;
    }

    public static boolean isCall(Symbol symbol, String function) {
        return symbol instanceof Function call && function.equals(call.getName());
    }

    public static List<Symbol> children(Symbol symbol) {
        return symbol.getChildren() == null ? List.of() : symbol.getChildren();
    }
}
