package io.tradewind.contracts.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import io.tradewind.contracts.masterdata.Locations;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The batch-views root on any Hadoop file system: {@code <root>/<version>/…} plus a {@code CURRENT} pointer file.
 *
 * <p>A version is written under {@code <root>/_incomplete/}, moved to {@code <root>/<version>} in one rename
 * once its manifest is written, and only then can {@code CURRENT} be switched to it (another atomic rename).
 * Readers never see a half-written version, a failed run leaves nothing behind, older versions stay for
 * rollback.
 */
public final class ViewStore {
    public static final String CURRENT = "CURRENT";
    public static final String MANIFEST = "manifest.json";
    static final String INCOMPLETE = "_incomplete";
    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final Path root;
    private final Configuration conf;
    private final FileSystem fs;

    public ViewStore(String rootUri, Configuration conf) {
        try {
            this.root = new Path(Locations.toUri(rootUri));
            this.conf = conf;
            this.fs = root.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open batch-views root " + rootUri + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    /**
     * Starts a new version; nothing is visible until {@link VersionWriter#complete()}. A name already taken gets
     * a numbered suffix, so a scheduler's quick retry does not fail.
     */
    public VersionWriter newVersion(String version) throws IOException {
        String name = version;
        for (int n = 2; fs.exists(new Path(root, name)); n++) {
            name = version + "-" + n;
        }
        Path dir = new Path(new Path(root, INCOMPLETE), name);
        fs.delete(dir, true); // left by a run that died before it could clean up
        fs.mkdirs(dir);
        return new VersionWriter(name, dir);
    }

    /** Points {@code CURRENT} at a complete version (it must have a manifest), atomically. */
    public void publish(String version) throws IOException {
        if (!fs.exists(new Path(new Path(root, version), MANIFEST))) {
            throw new IOException("version " + version + " under " + root + " has no " + MANIFEST
                    + ": it is incomplete and cannot be published");
        }
        Path tmp = new Path(root, "." + CURRENT + ".tmp");
        try (Writer w = new OutputStreamWriter(fs.create(tmp, true), StandardCharsets.UTF_8)) {
            w.write(version + "\n");
        }
        FileContext.getFileContext(root.toUri(), conf).rename(tmp, new Path(root, CURRENT), Options.Rename.OVERWRITE);
    }

    public Optional<String> current() throws IOException {
        Path pointer = new Path(root, CURRENT);
        if (!fs.exists(pointer)) {
            return Optional.empty();
        }
        try (var in = fs.open(pointer)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }

    /** Complete versions (with a manifest), oldest first. */
    public List<String> versions() throws IOException {
        List<String> out = new ArrayList<>();
        if (!fs.exists(root)) {
            return out;
        }
        for (FileStatus s : fs.listStatus(root)) {
            if (s.isDirectory() && fs.exists(new Path(s.getPath(), MANIFEST))) {
                out.add(s.getPath().getName());
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    public <T> T readManifest(String version, Class<T> type) throws IOException {
        try (var in = fs.open(new Path(new Path(root, version), MANIFEST))) {
            return JSON.readValue((java.io.InputStream) in, type);
        }
    }

    /** The as-of a complete version was computed at, from its manifest; empty if the manifest has none. */
    public Optional<java.time.Instant> asOf(String version) throws IOException {
        try (var in = fs.open(new Path(new Path(root, version), MANIFEST))) {
            String asOf = JSON.readTree((java.io.InputStream) in).path("asOf").asText("");
            return asOf.isEmpty() ? Optional.empty() : Optional.of(java.time.Instant.parse(asOf));
        }
    }

    /** Writes the files of one version. */
    public final class VersionWriter {
        private final String version;
        private final Path dir;

        VersionWriter(String version, Path dir) {
            this.version = version;
            this.dir = dir;
        }

        public String version() {
            return version;
        }

        /** Where the version lives once complete. */
        public Path finalDir() {
            return new Path(root, version);
        }

        /** Moves the written version into place; it must have its manifest. */
        public void complete() throws IOException {
            if (!fs.exists(new Path(dir, MANIFEST))) {
                throw new IOException("version " + version + " has no " + MANIFEST + ": it is incomplete");
            }
            if (!fs.rename(dir, finalDir())) {
                throw new IOException("cannot move " + dir + " to " + finalDir());
            }
        }

        /** Deletes what a failed run wrote. */
        public void abandon() {
            try {
                fs.delete(dir, true);
            } catch (IOException ignored) {
                // best effort: newVersion clears a leftover of the same name, listings never show _incomplete
            }
        }

        /** Writes one JSON object per line (one row per user, item or pair); returns the row count. */
        public long writeJsonLines(String name, Iterable<?> rows) throws IOException {
            long count = 0;
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(fs.create(new Path(dir, name), false),
                    StandardCharsets.UTF_8))) {
                for (Object row : rows) {
                    w.write(JSON.writeValueAsString(row));
                    w.newLine();
                    count++;
                }
            }
            return count;
        }

        public void writeJson(String name, Object value) throws IOException {
            try (var out = fs.create(new Path(dir, name), false)) {
                JSON.writerWithDefaultPrettyPrinter().writeValue((java.io.OutputStream) out, value);
            }
        }

        public void writeText(String name, String text) throws IOException {
            try (var out = fs.create(new Path(dir, name), false)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }

        public void writeBytes(String name, byte[] bytes) throws IOException {
            try (var out = fs.create(new Path(dir, name), false)) {
                out.write(bytes);
            }
        }
    }
}
