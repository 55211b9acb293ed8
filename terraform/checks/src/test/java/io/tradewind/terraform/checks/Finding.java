package io.tradewind.terraform.checks;

import java.nio.file.Path;

/** One problem a check found: the file (relative to the tree checked), its line (1-based) and what is wrong. */
public record Finding(Path file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
