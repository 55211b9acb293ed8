package io.tradewind.contracts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class PlatformConfigTest {
    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        return Files.write(dir.resolve("tradewind.properties"), String.join("\n", lines).getBytes());
    }

    private static String refusal(Executable loading) {
        return assertThrows(ConfigException.class, loading).getMessage();
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected '" + part + "' in: " + text);
        }
    }

    @Test
    void fileOverDefaultsAndEnvironmentOverFile() throws IOException {
        Path f = file("kafka.bootstrap-servers=b1.kafka:9098,b2.kafka:9098",
                "speed.parallelism=4",
                "storage.views=hdfs://nn:8020/tradewind/views");
        PlatformConfig config = PlatformConfig.load(f, Map.of("TRADEWIND_SPEED_PARALLELISM", "8",
                "TRADEWIND_JAVA_OPTS", "-Xmx2g", "PATH", "/usr/bin"));

        assertEquals("b1.kafka:9098,b2.kafka:9098", config.required(PlatformKeys.KAFKA_BOOTSTRAP_SERVERS, "x"));
        assertEquals(f.toString(), config.origin(PlatformKeys.KAFKA_BOOTSTRAP_SERVERS));
        assertEquals(8, config.integer(PlatformKeys.SPEED_PARALLELISM));
        assertEquals("environment variable TRADEWIND_SPEED_PARALLELISM", config.origin(PlatformKeys.SPEED_PARALLELISM));
        assertEquals(Duration.ofSeconds(10), config.duration(PlatformKeys.SPEED_CHECKPOINT_INTERVAL));
        assertEquals("default", config.origin(PlatformKeys.SPEED_CHECKPOINT_INTERVAL));
        assertEquals(Optional.empty(), config.text(PlatformKeys.ELASTICSEARCH_URL));
    }

    @Test
    void anUnknownKeyIsAnErrorNamingItTheFileAndTheNearestKey() throws IOException {
        Path f = file("kafka.bootstrap-server=localhost:9092");
        assertContains(refusal(() -> PlatformConfig.load(f, Map.of())),
                "unknown configuration key 'kafka.bootstrap-server' in " + f, "did you mean 'kafka.bootstrap-servers'?");
        Path g = file("flink.parallelism=2");
        String far = refusal(() -> PlatformConfig.load(g, Map.of()));
        assertContains(far, "unknown configuration key 'flink.parallelism'");
        assertFalse(far.contains("did you mean"), far);
    }

    @Test
    void aValueOfTheWrongTypeIsAnErrorNamingTheKeyWhereItCameFromAndWhatWasExpected() throws IOException {
        Path f = file("api.port=80800");
        assertEquals("api.port (" + f + ") must be a port from 0 to 65535, got 80800; expected port",
                refusal(() -> PlatformConfig.load(f, Map.of())));
        assertContains(refusal(() -> PlatformConfig.fromEnvironment(Map.of("TRADEWIND_SPEED_CHECKPOINT_INTERVAL", "ten seconds"))),
                "speed.checkpoint-interval (environment variable TRADEWIND_SPEED_CHECKPOINT_INTERVAL) 'ten seconds' is not a duration");
        for (String[] wrong : new String[][]{
                {"hbase.zookeeper-quorum=zk1", "takes HOST:PORT"},
                {"storage.views=/tradewind/views", "needs a scheme"},
                {"elasticsearch.url=es.internal:9200", "http(s)://"},
                {"speed.trending-slide=0s", "more than zero"},
                {"speed.parallelism=two", "takes a whole number"},
                {"kafka.events-topic=", "is empty"}}) {
            Path bad = file(wrong[0]);
            assertContains(refusal(() -> PlatformConfig.load(bad, Map.of())), wrong[0].substring(0, wrong[0].indexOf('=')),
                    wrong[1]);
        }
    }

    @Test
    void anUnknownVariableOfAKeyGroupIsAnErrorOthersAreNotOurs() {
        assertContains(refusal(() -> PlatformConfig.fromEnvironment(Map.of("TRADEWIND_KAFKA_BOOTSTRAP", "x:1"))),
                "unknown configuration variable TRADEWIND_KAFKA_BOOTSTRAP");
        assertContains(refusal(() -> PlatformConfig.fromEnvironment(Map.of("TRADEWIND_KAFKA_CONF_SECURITY_PROTOCOL", "SSL"))),
                "pass-through keys are set in the file only");
        PlatformConfig config = PlatformConfig.fromEnvironment(Map.of("TRADEWIND_ELASTICSEARCH_HOME", "/opt/es",
                "TRADEWIND_E2E_REQUIRED", "1"));
        assertEquals(Optional.empty(), config.text(PlatformKeys.ELASTICSEARCH_URL));
    }

    @Test
    void passThroughKeysReachTheirClientWithThePrefixRemoved() throws IOException {
        PlatformConfig config = PlatformConfig.load(file(
                "kafka.conf.security.protocol=SASL_SSL",
                "kafka.conf.sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;",
                "hadoop.conf.fs.defaultFS=hdfs://nn:8020",
                "hbase.conf.hbase.rpc.timeout=3000"), Map.of());
        assertEquals(Map.of("security.protocol", "SASL_SSL",
                        "sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;"),
                config.passThrough(PlatformKeys.KAFKA_CONF));
        assertEquals(Map.of("fs.defaultFS", "hdfs://nn:8020"), config.passThrough(PlatformKeys.HADOOP_CONF));
        assertEquals(Map.of("hbase.rpc.timeout", "3000"), config.passThrough(PlatformKeys.HBASE_CONF));
        Path bare = file("kafka.conf.=x");
        assertContains(refusal(() -> PlatformConfig.load(bare, Map.of())), "unknown configuration key 'kafka.conf.'");
    }

    @Test
    void aMissingRequiredKeySaysWhoNeedsItAndHowToSetIt() {
        assertEquals("hbase.zookeeper-quorum is not set: publish needs it (set it in the configuration file or as "
                        + "TRADEWIND_HBASE_ZOOKEEPER_QUORUM)",
                refusal(() -> PlatformConfig.defaults().required(PlatformKeys.HBASE_ZOOKEEPER_QUORUM, "publish")));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.properties");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> PlatformConfig.load(missing, Map.of()));
        assertContains(e.getMessage(), missing.toString());
    }

    @Test
    void aWrittenFileLoadsBackToTheSameValuesWithEveryDefaultSpelledOut() throws IOException {
        PlatformConfig config = PlatformConfig.defaults()
                .with(PlatformKeys.STORAGE_VIEWS, "hdfs://127.0.0.1:9000/tradewind/views", "serve")
                .with(PlatformKeys.API_KEYS_FILE, "/tmp/my keys/api-keys.json", "serve")
                .with("kafka.conf.sasl.jaas.config", "Module required path=\"C:\\\\x\" #1;", "serve")
                .with("hadoop.conf.a b=c", "#leading mark", "serve");
        Path out = dir.resolve("written/tradewind.properties");
        config.write(out, "written by a test\nsecond line");

        PlatformConfig back = PlatformConfig.load(out, Map.of());
        for (ConfigKey key : PlatformKeys.all()) {
            if (key.isPrefix()) {
                assertEquals(config.passThrough(key), back.passThrough(key), key.name());
            } else {
                assertEquals(config.text(key), back.text(key), key.name());
                assertEquals(key.defaultValue() != null || config.isSet(key), back.isSet(key), key.name() + " written");
            }
        }
        String written = Files.readString(out);
        assertTrue(written.startsWith("# written by a test\n# second line\n"), written);
        assertContains(written, "storage.views=hdfs://127.0.0.1:9000/tradewind/views\n");
    }

    @Test
    void everyFixedKeyHasItsOwnVariableAndNoNameRepeats() {
        var names = new HashSet<String>();
        var variables = new HashSet<String>();
        for (ConfigKey key : PlatformKeys.all()) {
            assertTrue(names.add(key.name()), key.name());
            if (!key.isPrefix()) {
                assertTrue(variables.add(key.environmentVariable()), key.environmentVariable());
                assertEquals(Optional.of(key), PlatformKeys.find(key.name()));
            }
        }
    }

    @Test
    void secretsComeFromTheEnvironmentOnlyAndAreNeverWrittenOrShown() throws IOException {
        Path f = file("elasticsearch.url=https://es.internal:9243", "elasticsearch.password=hunter2-secret");
        String refused = refusal(() -> PlatformConfig.load(f, Map.of()));
        assertContains(refused, "elasticsearch.password is a secret and is not read from " + f,
                "set it as TRADEWIND_ELASTICSEARCH_PASSWORD");
        assertFalse(refused.contains("hunter2-secret"), refused);

        Path g = file("elasticsearch.url=https://es.internal:9243");
        PlatformConfig config = PlatformConfig.load(g, Map.of("TRADEWIND_ELASTICSEARCH_USERNAME", "tradewind-api",
                "TRADEWIND_ELASTICSEARCH_PASSWORD", "hunter2-secret"));
        var user = io.tradewind.contracts.catalogue.ElasticsearchCredentials.from(config).orElseThrow();
        assertEquals("tradewind-api", user.username());
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("tradewind-api:hunter2-secret".getBytes()),
                user.authorization());
        assertFalse(user.toString().contains("hunter2-secret"), user.toString());

        Path written = dir.resolve("running.properties");
        config.write(written, "test");
        String text = Files.readString(written);
        assertContains(text, "elasticsearch.url=https://es.internal:9243");
        assertFalse(text.contains("hunter2-secret") || text.contains("tradewind-api"), text);

        PlatformConfig half = PlatformConfig.load(g, Map.of("TRADEWIND_ELASTICSEARCH_USERNAME", "tradewind-api"));
        assertContains(refusal(() -> io.tradewind.contracts.catalogue.ElasticsearchCredentials.from(half)),
                "elasticsearch.password is not set but elasticsearch.username is");
        assertEquals(Optional.empty(), io.tradewind.contracts.catalogue.ElasticsearchCredentials.from(
                PlatformConfig.load(g, Map.of())));
    }
}
