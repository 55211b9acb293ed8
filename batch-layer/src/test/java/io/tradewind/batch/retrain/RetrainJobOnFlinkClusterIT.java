package io.tradewind.batch.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradewind.batch.ingest.EventImporter;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.infra.embedded.EmbeddedHdfs;
import io.tradewind.infra.embedded.StandaloneFlinkCluster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar as production runs it: {@code flink run -c io.tradewind.batch.retrain.RetrainJob <job jar> …} against
 * a separately started standalone Flink cluster, reading and writing a real HDFS. {@code main} runs in the client
 * (collect sinks, model fits, view writes there); the aggregation runs in the TaskManager's JVM, which has only
 * Flink, Hadoop and the job jar.
 */
class RetrainJobOnFlinkClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static EmbeddedHdfs hdfs;
    static StandaloneFlinkCluster flink;
    static String events;

    @BeforeAll
    static void startClusterAndImport() throws Exception {
        Path jar = Path.of(System.getProperty("tradewind.job.jar"));
        assertTrue(Files.isRegularFile(jar), "the job jar is built in the package phase: " + jar);
        String flinkClasspath = Files.readString(Path.of(System.getProperty("tradewind.flink.classpath"))).strip();
        hdfs = EmbeddedHdfs.start(tmp.resolve("hdfs").toFile(), true);
        // The Flink JVMs start while the events are imported.
        // Under target/, not the temporary folder, so the cluster's logs outlive a failed run.
        Path flinkDir = Path.of("target", "flink-cluster-it").toAbsolutePath();
        org.apache.commons.io.FileUtils.deleteDirectory(flinkDir.toFile());
        flink = StandaloneFlinkCluster.start(Files.createDirectories(flinkDir), flinkClasspath,
                Map.of("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "20"));
        events = hdfs.uri() + "/tradewind/events";
        Path csv = tmp.resolve("shop.csv");
        Files.writeString(csv, RetrainOnHdfsTest.shopHistory());
        new EventImporter(hdfs.configuration()).run("online-retail", csv.toString(), events, ProgressListener.NONE);
        flink.awaitReady(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        if (flink != null) {
            flink.close();
        }
        if (hdfs != null) {
            hdfs.close();
        }
    }

    @Test
    void flinkRunOfTheJobJarPublishesTheViews() throws Exception {
        String views = hdfs.uri() + "/tradewind/views";
        StandaloneFlinkCluster.RunOutcome run = flink.flinkRun("-c", RetrainJob.class.getName(),
                System.getProperty("tradewind.job.jar"),
                "--events", events, "--out", views, "--as-of", "2011-12-01", "--parallelism", "2");
        assertEquals(0, run.exitCode(), run.output());

        Matcher published = Pattern.compile("Published batch views (\\S+) ").matcher(run.output());
        assertTrue(published.find(), run.output());
        String version = published.group(1);
        assertEquals(Optional.of(version), new ViewStore(views, hdfs.configuration()).current(), "CURRENT switched");
        JsonNode manifest = JSON.readTree(read(views + "/" + version + "/" + ViewStore.MANIFEST));
        assertEquals(90, manifest.path("input").path("users").asInt(), manifest.toString());
        assertEquals(90, manifest.path("rowCounts").path("portraits.jsonl").asInt());
        assertEquals(90, read(views + "/" + version + "/portraits.jsonl").lines().count());
        assertTrue(manifest.path("evaluation").path("models").path("FreshBlend").path("A").path("users").asInt() > 20,
                "the hold-out evaluation ran in the client: " + manifest.path("evaluation"));
        assertTrue(run.output().contains("Job has been submitted with JobID"), "ran on the cluster: " + run.output());
    }

    @Test
    void aWrongCommandLineFailsTheSubmissionWithTheReason() throws Exception {
        StandaloneFlinkCluster.RunOutcome run = flink.flinkRun(System.getProperty("tradewind.job.jar"),
                "--events", events, "--out", hdfs.uri() + "/tradewind/other", "--as-of", "yesterday");
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("'yesterday' is not a time"), run.output());
    }

    @Test
    void aRetrainOnALockedViewsRootExits3UnderFlinkRunToo() throws Exception {
        String views = hdfs.uri() + "/tradewind/locked";
        FileSystem fs = new org.apache.hadoop.fs.Path(views).getFileSystem(hdfs.configuration());
        try (var out = fs.create(new org.apache.hadoop.fs.Path(views + "/_retrain.lock"))) {
            out.write(("{\"id\":\"other\",\"host\":\"" + java.net.InetAddress.getLocalHost().getHostName()
                    + "\",\"pid\":" + ProcessHandle.current().pid() + ",\"user\":\"ops\",\"startedAt\":\""
                    + java.time.Instant.now() + "\",\"asOf\":\"2011-11-30T00:00:00Z\",\"command\":\"retrain\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        StandaloneFlinkCluster.RunOutcome run = flink.flinkRun(System.getProperty("tradewind.job.jar"),
                "--events", events, "--out", views, "--as-of", "2011-12-01");
        assertEquals(RetrainJob.EXIT_LOCKED, run.exitCode(), run.output());
        assertTrue(run.output().contains("are locked by another retrain"), run.output());
    }

    private static String read(String uri) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = path.getFileSystem(hdfs.configuration());
        try (InputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
