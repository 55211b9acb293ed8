package io.tradewind.batch.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Test inputs: the hand-made fixtures on the test class path. */
final class Fixtures {
    /** 20 records over 21 lines: 11 events on 3 days, 3 skipped, 6 rejected (see the expectations in tests). */
    static final String ONLINE_RETAIL_SAMPLE = "ingest/online-retail-sample.csv";
    static final String CORNER_SHOP_MAPPING = "ingest/corner-shop.json";
    static final String CORNER_SHOP_CSV = "ingest/corner-shop.csv";

    private Fixtures() {
    }

    static Path path(String resource) {
        URL url = Fixtures.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("test resource missing: " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a rejects file, without its header. */
    static List<CSVRecord> rejects(Reader in) {
        try (in) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
