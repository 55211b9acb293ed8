package io.tradewind.contracts.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The platform configuration every command and job reads: one Java properties file (the one Terraform's outputs
 * generate and {@code ./tradewind serve} writes for the commands of another shell), with environment variables
 * over it. Each value is checked when it is loaded, so a typo fails the process at start with the key's name
 * and where the value came from, never as a silent default or a late surprise.
 *
 * <p>Precedence, highest first: a command-line option ({@link #with}), the key's environment variable
 * ({@link ConfigKey#environmentVariable()}), the file, the key's default.
 */
public final class PlatformConfig {
    /** Environment variable naming the configuration file, for processes started without {@code --config}. */
    public static final String FILE_VARIABLE = "TRADEWIND_CONFIG";

    /** Variables that start like a key's but are read elsewhere, so they are not typos of one. */
    private static final Set<String> OTHER_VARIABLES = Set.of("TRADEWIND_ELASTICSEARCH_HOME");

    private record Setting(String value, String origin) {
    }

    private final Map<String, Setting> settings;

    private PlatformConfig(Map<String, Setting> settings) {
        this.settings = settings;
    }

    /** Only the defaults; no endpoints. */
    public static PlatformConfig defaults() {
        return new PlatformConfig(new LinkedHashMap<>());
    }

    /**
     * The file a process reads: {@code explicit} (its {@code --config} option, or null), else the file
     * {@value #FILE_VARIABLE} names, else none.
     */
    public static Optional<Path> fileFor(Path explicit, Map<String, String> environment) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        String named = environment.get(FILE_VARIABLE);
        return named == null || named.isBlank() ? Optional.empty() : Optional.of(Path.of(named.strip()));
    }

    /** Defaults, then the file {@link #fileFor} picks if any, then the environment's {@code TRADEWIND_…} variables. */
    public static PlatformConfig forProcess(Path explicit, Map<String, String> environment) throws IOException {
        Optional<Path> file = fileFor(explicit, environment);
        return file.isPresent() ? load(file.get(), environment) : fromEnvironment(environment);
    }

    /** Defaults, then {@code file}, then the environment's {@code TRADEWIND_…} variables. */
    public static PlatformConfig load(Path file, Map<String, String> environment) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "configuration file not found");
        }
        return fromProperties(properties, file.toString()).overriddenBy(environment);
    }

    /** Defaults, then the environment's {@code TRADEWIND_…} variables (no file). */
    public static PlatformConfig fromEnvironment(Map<String, String> environment) {
        return defaults().overriddenBy(environment);
    }

    /** The keys of {@code properties}, each checked; {@code origin} names the source in error messages. */
    public static PlatformConfig fromProperties(Properties properties, String origin) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (String name : new TreeMap<>(toMap(properties)).keySet()) {
            ConfigKey key = PlatformKeys.find(name).orElseThrow(() -> new ConfigException(
                    "unknown configuration key '" + name + "' in " + origin + suggestion(name)
                            + " (docs/configuration.md lists every key)"));
            if (key.type() == ValueType.SECRET) {
                throw new ConfigException(name + " is a secret and is not read from " + origin + ": set it as "
                        + key.environmentVariable() + " in the process's environment (e.g. from a secret store)");
            }
            settings.put(name, checked(key, name, properties.getProperty(name), origin));
        }
        return new PlatformConfig(settings);
    }

    /** This configuration with each key's {@code TRADEWIND_…} variable, where set, in place of its value. */
    public PlatformConfig overriddenBy(Map<String, String> environment) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (ConfigKey key : PlatformKeys.all()) {
            if (!key.isPrefix()) {
                variables.put(key.environmentVariable(), key.name());
            }
        }
        Map<String, Setting> out = new LinkedHashMap<>(settings);
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            String variable = e.getKey();
            String name = variables.get(variable);
            if (name != null) {
                ConfigKey key = PlatformKeys.find(name).orElseThrow();
                out.put(name, checked(key, name, e.getValue(), "environment variable " + variable));
            } else if (looksLikeKeyVariable(variable)) {
                throw new ConfigException("unknown configuration variable " + variable + " (variables are "
                        + "TRADEWIND_ and a key's name in capitals with . and - as _; pass-through keys are set in the "
                        + "file only)");
            }
        }
        return new PlatformConfig(out);
    }

    /** This configuration with {@code key} set to {@code value} (a command-line option, or a process's own endpoint). */
    public PlatformConfig with(ConfigKey key, String value, String origin) {
        return with(key.name(), value, origin);
    }

    /** A command-line option over the key: {@link #with} when the option was given ({@code value} not null), else this. */
    public PlatformConfig withOption(ConfigKey key, String value, String option) {
        return value == null ? this : with(key, value, option);
    }

    /** As {@link #with(ConfigKey, String, String)}, for a full name under a pass-through prefix too. */
    public PlatformConfig with(String name, String value, String origin) {
        ConfigKey key = PlatformKeys.find(name).orElseThrow(() -> new ConfigException(
                "unknown configuration key '" + name + "'" + suggestion(name)));
        Map<String, Setting> out = new LinkedHashMap<>(settings);
        out.put(name, checked(key, name, value, origin));
        return new PlatformConfig(out);
    }

    public boolean isSet(ConfigKey key) {
        return settings.containsKey(key.name());
    }

    /** The value, or the key's default; empty when neither is set. */
    public Optional<String> text(ConfigKey key) {
        Setting s = settings.get(key.name());
        return Optional.ofNullable(s != null ? s.value() : key.defaultValue());
    }

    /** The value of a key a process cannot run without; unset, an error saying who needs it and how to set it. */
    public String required(ConfigKey key, String neededBy) {
        return text(key).orElseThrow(() -> new ConfigException(key.name() + " is not set: " + neededBy + " needs it "
                + "(set it in the configuration file or as " + key.environmentVariable() + ")"));
    }

    public int integer(ConfigKey key) {
        return (Integer) key.type().parse(required(key, "this command"));
    }

    public boolean bool(ConfigKey key) {
        return (Boolean) key.type().parse(required(key, "this command"));
    }

    public Duration duration(ConfigKey key) {
        return (Duration) key.type().parse(required(key, "this command"));
    }

    public Optional<Path> path(ConfigKey key) {
        return text(key).map(Path::of);
    }

    /** Where a key's value came from: a file, a variable, an option, or "default". */
    public String origin(ConfigKey key) {
        Setting s = settings.get(key.name());
        return s != null ? s.origin() : "default";
    }

    /** The keys under a pass-through prefix, with the prefix removed: what the client library is given. */
    public Map<String, String> passThrough(ConfigKey prefix) {
        if (!prefix.isPrefix()) {
            throw new IllegalArgumentException(prefix.name() + " is not a pass-through prefix");
        }
        Map<String, String> out = new LinkedHashMap<>();
        settings.forEach((name, s) -> {
            if (prefix.covers(name)) {
                out.put(name.substring(prefix.name().length()), s.value());
            }
        });
        return out;
    }

    /**
     * Writes every set key and every default, in the documentation's order, to {@code file} atomically: the file
     * a running stack leaves for the commands of another shell, complete, so it says what the stack runs with.
     */
    public void write(Path file, String header) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            out.write("# " + header.replace("\n", "\n# ") + "\n");
            for (ConfigKey key : PlatformKeys.all()) {
                if (key.isPrefix()) {
                    for (var e : passThrough(key).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                        out.write(escape(key.name() + e.getKey(), true) + "=" + escape(e.getValue(), false) + "\n");
                    }
                } else if (text(key).isPresent() && key.type() != ValueType.SECRET) {
                    out.write(key.name() + "=" + escape(text(key).get(), false) + "\n");
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Setting checked(ConfigKey key, String name, String raw, String origin) {
        try {
            key.type().parse(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + " (" + origin + ") " + e.getMessage() + "; expected " + key.type().label());
        }
        return new Setting(raw.strip(), origin);
    }

    private static boolean looksLikeKeyVariable(String variable) {
        if (OTHER_VARIABLES.contains(variable) || !variable.startsWith(ConfigKey.ENV_PREFIX)) {
            return false;
        }
        return PlatformKeys.all().stream()
                .map(k -> ConfigKey.ENV_PREFIX + k.name().substring(0, k.name().indexOf('.')).toUpperCase(Locale.ROOT) + "_")
                .anyMatch(variable::startsWith);
    }

    /** ", did you mean 'x'?" for the nearest key within three edits, else nothing. */
    private static String suggestion(String name) {
        return PlatformKeys.all().stream().filter(k -> !k.isPrefix())
                .min(Comparator.comparingInt(k -> editDistance(name, k.name())))
                .filter(k -> editDistance(name, k.name()) <= 3)
                .map(k -> ", did you mean '" + k.name() + "'?")
                .orElse("");
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Map<String, String> toMap(Properties properties) {
        return properties.stringPropertyNames().stream()
                .collect(Collectors.toMap(n -> n, properties::getProperty));
    }

    /**
     * Properties-file escaping of what would change a line's meaning: backslashes and line breaks anywhere, the
     * separators and spaces in a key, a leading space or comment mark in a value ({@code hdfs://…} stays readable).
     */
    private static String escape(String s, boolean isKey) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':' -> out.append(isKey ? "\\" : "").append(c);
                case ' ', '#', '!' -> out.append(isKey || i == 0 ? "\\" : "").append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
