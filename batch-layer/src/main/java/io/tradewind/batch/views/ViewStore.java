package io.tradewind.batch.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The batch-views root on any Hadoop file system: {@code <root>/<version>/…} plus a {@code CURRENT} pointer file.
 *
 * <p>A version is written completely (its manifest last) before {@code CURRENT} is switched to it with one
 * atomic rename, so readers never see a half-written version; older versions stay for rollback.
 */
public final class ViewStore {
    public static final String CURRENT = "CURRENT";
    public static final String MANIFEST = "manifest.json";
    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final Path root;
    private final Configuration conf;
    private final FileSystem fs;

    public ViewStore(String rootUri, Configuration conf) {
        try {
            this.root = new Path(rootUri);
            this.conf = conf;
            this.fs = FileSystem.get(URI.create(rootUri), conf);
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

    /** Starts a new version folder; nothing is visible to readers until {@link #publish(String)}. */
    public VersionWriter newVersion(String version) throws IOException {
        Path dir = new Path(root, version);
        if (fs.exists(dir)) {
            throw new IOException("batch-view version " + version + " already exists under " + root);
        }
        fs.mkdirs(dir);
        return new VersionWriter(dir);
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

    /** Writes the files of one version. */
    public final class VersionWriter {
        private final Path dir;

        VersionWriter(Path dir) {
            this.dir = dir;
        }

        public Path dir() {
            return dir;
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
