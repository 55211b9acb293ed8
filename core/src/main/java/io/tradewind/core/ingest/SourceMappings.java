package io.tradewind.core.ingest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds and loads source mappings: built-in ones from the class path ({@code mappings/<source>.json}) or any
 * mapping file, so a new source needs only a new file. Mapping files are JSON; {@code //} comments are allowed
 * so that a mapping can say why a rule exists.
 */
public final class SourceMappings {
    static final String RESOURCE_DIR = "mappings/";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SourceMappings() {
    }

    /**
     * A built-in source name ({@code online-retail}, {@code taobao}, ...) or the path of a mapping file (anything
     * ending in {@code .json} or containing a path separator).
     */
    public static SourceMapping load(String sourceOrFile) {
        if (sourceOrFile == null || sourceOrFile.isBlank()) {
            throw new MappingException("no source given (built-in: " + String.join(", ", builtInNames())
                    + "; or the path of a mapping .json file)");
        }
        boolean looksLikeFile = sourceOrFile.endsWith(".json") || sourceOrFile.contains("/")
                || sourceOrFile.contains(File.separator);
        return looksLikeFile ? fromFile(Path.of(sourceOrFile)) : builtIn(sourceOrFile);
    }

    public static SourceMapping builtIn(String source) {
        String resource = RESOURCE_DIR + source + ".json";
        try (InputStream in = SourceMappings.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new MappingException("unknown source '" + source + "' (built-in: "
                        + String.join(", ", builtInNames()) + "; or give the path of a mapping .json file)");
            }
            SourceMapping mapping = parse(in, "classpath:" + resource);
            if (!mapping.name().equals(source)) {
                throw new MappingException("mapping classpath:" + resource + ": source is '" + mapping.name()
                        + "' but a built-in mapping must be named after its file");
            }
            return mapping;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in mapping " + resource, e);
        }
    }

    public static SourceMapping fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new MappingException("mapping file " + file + " not found");
        } catch (IOException e) {
            throw new MappingException("cannot read mapping file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses and checks mapping JSON; {@code origin} names it in messages. */
    public static SourceMapping parse(InputStream json, String origin) throws IOException {
        MappingFile file;
        try {
            file = JSON.readValue(json, MappingFile.class);
        } catch (JsonProcessingException e) {
            throw new MappingException("mapping " + origin + ": " + describe(e), e);
        }
        if (file == null) {
            throw new MappingException("mapping " + origin + ": is empty");
        }
        return MappingCompiler.compile(file, origin);
    }

    /** Names of the mappings shipped on the class path, for messages and the CLI's help. */
    public static List<String> builtInNames() {
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> dirs = SourceMappings.class.getClassLoader().getResources(RESOURCE_DIR);
            while (dirs.hasMoreElements()) {
                for (String file : listing(dirs.nextElement())) {
                    if (file.endsWith(".json")) {
                        names.add(file.substring(0, file.length() - ".json".length()));
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Only used in messages: a listing failure must never hide the real problem.
        }
        return List.copyOf(names);
    }

    private static List<String> listing(URL dir) throws IOException, URISyntaxException {
        List<String> files = new ArrayList<>();
        if ("jar".equals(dir.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) dir.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                jar.stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith(RESOURCE_DIR) && n.indexOf('/', RESOURCE_DIR.length()) < 0)
                        .forEach(n -> files.add(n.substring(RESOURCE_DIR.length())));
            }
        } else {
            try (Stream<Path> entries = Files.list(Path.of(dir.toURI()))) {
                entries.forEach(p -> files.add(p.getFileName().toString()));
            }
        }
        return files;
    }

    /** Jackson's messages name Java types and sources; the mapping author needs the key, place and fix. */
    private static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "'" + path(u, 1) + where + " (allowed: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "wrong kind of value" + path(m, 0) + where + ": expected " + kind(m.getTargetType());
        }
        if (e instanceof JsonMappingException m && !(e.getCause() instanceof JsonParseException)) {
            return "wrong value" + path(m, 0) + where + ": " + clean(e.getOriginalMessage());
        }
        return "not valid JSON" + where + ": " + clean(e.getOriginalMessage());
    }

    private static String kind(Class<?> type) {
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object {...}";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list [...]";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        return "text";
    }

    /** The JSON path of the problem, leaving off the last {@code dropLast} steps. */
    private static String path(JsonMappingException e, int dropLast) {
        StringBuilder path = new StringBuilder();
        List<JsonMappingException.Reference> refs = e.getPath();
        for (JsonMappingException.Reference ref : refs.subList(0, Math.max(0, refs.size() - dropLast))) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "" : " at " + path;
    }

    private static String clean(String message) {
        String line = message.lines().findFirst().orElse("");
        for (String noise : List.of(" (start marker", " (for Object", " (for root", " at [Source")) {
            int at = line.indexOf(noise);
            if (at > 0) {
                line = line.substring(0, at);
            }
        }
        return line;
    }
}
