package io.tradewind.terraform.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The EMR step scripts against what they rely on, which nothing else checks before a cluster runs them: valid bash,
 * every {@code prop KEY} a key terraform writes into tradewind.properties, and every variable a script requires
 * ({@code ${TRADEWIND_X:?…}}) set by the emr module's {@code run_script}, the prefix of every step's command.
 */
final class StepScripts {

    /** The local in modules/emr whose text starts every step's command, environment assignments included. */
    static final String RUN_SCRIPT_LOCAL = "run_script";

    private static final Pattern PROP = Pattern.compile("\\bprop\\s+([A-Za-z0-9._-]+)");
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{(TRADEWIND_[A-Z0-9_]+):\\?");
    private static final Pattern ASSIGNMENT = Pattern.compile("\\b(TRADEWIND_[A-Z0-9_]+)=");

    private StepScripts() {
    }

    /** The TRADEWIND_* variables the emr module's run_script assigns, read from the local's source line. */
    static Set<String> stepEnvironment(TerraformModule emr, List<Finding> findings) {
        Set<String> names = new TreeSet<>();
        TerraformModule.Local local = emr.locals().get(RUN_SCRIPT_LOCAL);
        if (local == null) {
            findings.add(new Finding(emr.displayDir(), 1, emr.displayDir() + " defines no local `" + RUN_SCRIPT_LOCAL
                    + "` (the prefix of every step's command)"));
            return names;
        }
        // Local.file() is relative to the tree; the module folder holds it.
        String line = lines(emr.dir().resolve(local.file().getFileName())).get(local.line() - 1);
        Matcher m = ASSIGNMENT.matcher(line);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Findings for every *.sh in scriptsDir, reported relative to displayRoot. */
    static List<Finding> check(Path scriptsDir, Path displayRoot, Set<String> writtenKeys, Set<String> stepEnvironment) {
        List<Finding> findings = new ArrayList<>();
        for (Path script : scripts(scriptsDir)) {
            Path shown = displayRoot.relativize(script);
            syntax(script, shown).ifPresent(findings::add);
            List<String> lines = lines(script);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.stripLeading().startsWith("#")) {
                    continue;
                }
                Matcher prop = PROP.matcher(line);
                while (prop.find()) {
                    if (!writtenKeys.contains(prop.group(1))) {
                        findings.add(new Finding(shown, i + 1, "reads `" + prop.group(1) + "`, which terraform does "
                                + "not write into tradewind.properties"));
                    }
                }
                Matcher required = REQUIRED_VARIABLE.matcher(line);
                while (required.find()) {
                    if (!stepEnvironment.contains(required.group(1))) {
                        findings.add(new Finding(shown, i + 1, "requires $" + required.group(1) + ", which the emr "
                                + "module's " + RUN_SCRIPT_LOCAL + " does not set " + stepEnvironment));
                    }
                }
            }
        }
        return findings;
    }

    private static Optional<Finding> syntax(Path script, Path shown) {
        try {
            Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!bash.waitFor(30, TimeUnit.SECONDS)) {
                bash.destroyForcibly();
                return Optional.of(new Finding(shown, 1, "bash -n did not finish in 30 s"));
            }
            return bash.exitValue() == 0 ? Optional.empty()
                    : Optional.of(new Finding(shown, 1, "is not valid bash: " + output));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run bash -n on " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> scripts(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sh")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
