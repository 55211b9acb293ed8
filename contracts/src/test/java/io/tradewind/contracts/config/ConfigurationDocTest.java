package io.tradewind.contracts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents exactly the keys the code reads, with their defaults, variables and types. */
class ConfigurationDocTest {
    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void theKeyTableListsEveryKeyOnceWithItsTypeDefaultAndVariable() throws IOException {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        boolean inKeys = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("## ")) {
                inKeys = line.equals("## Keys");
            } else if (inKeys && line.startsWith("| `")) {
                List<String> cells = List.of(line.substring(1, line.length() - 1).split(" \\| "));
                String name = unquote(cells.get(0).strip()).replace("…", "");
                assertEquals(null, documented.put(name, cells.stream().map(String::strip).toList()), "listed twice: " + name);
            }
        }
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (ConfigKey key : PlatformKeys.all()) {
            expected.put(key.name(), List.of(key.type().label(),
                    key.defaultValue() == null ? "—" : "`" + key.defaultValue() + "`",
                    key.isPrefix() ? "—" : "`" + key.environmentVariable() + "`"));
        }
        assertEquals(expected.keySet().stream().toList(), documented.keySet().stream().toList(),
                "the documented keys, in the code's order");
        documented.forEach((name, cells) -> assertEquals(expected.get(name), cells.subList(1, 4),
                "type, default and variable of " + name));
    }

    private static String unquote(String cell) {
        return cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
    }
}
