package io.tradewind.batch.ingest;

import static io.tradewind.batch.ingest.Fixtures.ONLINE_RETAIL_SAMPLE;
import static io.tradewind.batch.ingest.Fixtures.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradewind.contracts.masterdata.DateRange;
import io.tradewind.contracts.masterdata.MasterDatasetReader;
import io.tradewind.core.event.BehaviourEvent;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import against a real HDFS (one NameNode, one DataNode, started once for the class). The tests build on
 * each other, in order: import, inspect, import again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventImporterHdfsTest {
    private static final LocalDate DAY1 = LocalDate.of(2010, 12, 1);
    private static final LocalDate DAY2 = LocalDate.of(2010, 12, 2);
    private static final LocalDate DAY3 = LocalDate.of(2010, 12, 3);

    @TempDir
    static java.nio.file.Path baseDir;
    private static MiniDFSCluster cluster;
    private static Configuration conf;
    private static FileSystem hdfs;
    private static String target;
    private static ImportSummary first;

    @BeforeAll
    static void startHdfs() throws IOException {
        Configuration clusterConf = new Configuration();
        clusterConf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toString());
        cluster = new MiniDFSCluster.Builder(clusterConf).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = cluster.getFileSystem();
        // The importer gets a plain client configuration: everything it needs is in the hdfs:// URIs.
        conf = new Configuration();
        conf.setInt("dfs.replication", 1);
        target = hdfs.getUri() + "/tradewind/master";
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    private static MasterDatasetReader reader() {
        return MasterDatasetReader.at(target, conf);
    }

    @Test
    @Order(1)
    void importsLocalFileIntoHdfs() {
        first = new EventImporter(conf).run(ImportRequest.of("online-retail", path(ONLINE_RETAIL_SAMPLE).toString(), target));

        assertEquals(20, first.read());
        assertEquals(11, first.written());
        assertEquals(3, first.skipped());
        assertEquals(6, first.rejected());
        assertEquals(URI.create(target), first.target());
    }

    @Test
    @Order(2)
    void partitionsHoldTheRightEvents() throws IOException {
        MasterDatasetReader reader = reader();

        assertEquals(List.of(DAY1, DAY2, DAY3), reader.partitions());
        assertEquals(7, reader.count(DateRange.day(DAY1)));
        assertEquals(2, reader.count(DateRange.day(DAY2)));
        assertEquals(2, reader.count(DateRange.day(DAY3)));
        List<URI> files = reader.files(DateRange.all());
        assertEquals(3, files.size());
        assertTrue(files.stream().allMatch(f -> f.toString().startsWith(target + "/date=2010-12-0")), files.toString());
        try (Stream<BehaviourEvent> events = reader.events(new DateRange(DAY2, DAY3))) {
            assertEquals(Map.of("12583", 1L, "15864", 1L, "18074", 1L, "13047", 1L),
                    events.collect(Collectors.groupingBy(BehaviourEvent::userId, Collectors.counting())));
        }
        assertFalse(hdfs.exists(new Path(target, "_tmp/" + first.importId())), "temporary files cleaned up");
    }

    @Test
    @Order(3)
    void rejectsFileIsOnHdfsBesideTheData() throws IOException {
        Path rejects = new Path(target, "_rejects/" + first.importId() + ".csv");
        assertEquals(rejects.toUri(), first.rejectsFile());

        List<CSVRecord> rows = Fixtures.rejects(new InputStreamReader(hdfs.open(rejects), StandardCharsets.UTF_8));

        assertEquals(6, rows.size());
        assertEquals(List.of("invalid quantity", "invalid timestamp", "invalid unitPrice", "invalid userId",
                "invalid userId", "malformed row"), rows.stream().map(r -> r.get("reason")).toList());
        assertEquals("536603,22115,SHORT ROW,3", rows.get(5).get("raw_row"));
        assertEquals("20", rows.get(5).get("line"));
    }

    @Test
    @Order(4)
    void secondImportOfTheSameFileLeavesCountsUnchanged() throws IOException {
        List<URI> filesBefore = reader().files(DateRange.all());

        ImportSummary second = new EventImporter(conf).run(
                ImportRequest.of("online-retail", path(ONLINE_RETAIL_SAMPLE).toString(), target));

        assertEquals(0, second.written());
        assertEquals(11, second.alreadyPresent());
        assertEquals(11, reader().count(DateRange.all()));
        assertEquals(filesBefore, reader().files(DateRange.all()));
    }

    @Test
    @Order(5)
    void inputCanItselfBeAGzipOnHdfs() throws IOException {
        Path input = new Path(hdfs.getUri() + "/landing/online-retail-sample.csv.gz");
        try (OutputStream out = new GZIPOutputStream(hdfs.create(input))) {
            out.write(Files.readAllBytes(path(ONLINE_RETAIL_SAMPLE)));
        }
        String otherTarget = hdfs.getUri() + "/tradewind/other-master";

        ImportSummary summary = new EventImporter(conf).run(ImportRequest.of("online-retail", input.toString(), otherTarget));

        assertEquals(11, summary.written());
        assertEquals(11, MasterDatasetReader.at(otherTarget, conf).count(DateRange.all()));
    }
}
