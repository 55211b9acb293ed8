package io.tradewind.terraform.checks;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One .tf or .tfvars file as hcl4j reads it. hcl4j's public parser evaluates expressions (an unset {@code var.x}
 * becomes null), which loses the references these checks are about; its lexer keeps them as a symbol tree
 * ({@code VariableTree}, {@code Function}, map literals as {@code HCLBlock}), so the tree comes from the lexer,
 * which hcl4j keeps package-private and is reached by reflection here. Both must accept the file, and its
 * brackets must balance (hcl4j closes blocks left open at the end of a file without a word).
 */
public record HclDocument(Path file, Path displayPath, List<Symbol> roots) {

    /** The file could not be parsed; the message names the file. */
    public static final class ParseException extends Exception {
        ParseException(Path file, Throwable cause) {
            super(file + ": does not parse: " + rootMessage(cause), cause);
        }

        ParseException(Path file, String problem) {
            super(file + ": does not parse: " + problem);
        }
    }

    public static HclDocument read(Path file, Path displayPath) throws ParseException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParseException(displayPath, e);
        }
        try {
            new HCLParser().parse(new StringReader(text));
            List<Symbol> roots = lex(new StringReader(text));
            Optional<String> unbalanced = BracketBalance.check(text);
            if (unbalanced.isPresent()) {
                throw new ParseException(displayPath, unbalanced.get());
            }
            return new HclDocument(file, displayPath, roots);
        } catch (HCLParserException | IOException | RuntimeException | ReflectiveOperationException e) {
            throw new ParseException(displayPath, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Symbol> lex(Reader reader) throws ReflectiveOperationException {
        Class<?> lexerClass = Class.forName("com.bertramlabs.plugins.hcl4j.HCLLexer");
        Constructor<?> constructor = lexerClass.getDeclaredConstructor(Reader.class);
        constructor.setAccessible(true);
        Object lexer = constructor.newInstance(reader);
        Method yylex = lexerClass.getMethod("yylex");
        yylex.setAccessible(true);
        try {
            yylex.invoke(lexer);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        Field elements = lexerClass.getField("elementStack");
        elements.setAccessible(true);
        return List.copyOf((List<Symbol>) elements.get(lexer));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
