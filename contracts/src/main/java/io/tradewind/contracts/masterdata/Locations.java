package io.tradewind.contracts.masterdata;

import java.io.File;
import java.net.URI;
import org.apache.hadoop.fs.Path;

/** Where a user-given location points: a URI with a scheme (hdfs://, file://, s3a://) or else a local path. */
public final class Locations {
    private Locations() {
    }

    /**
     * A path without a scheme is local, not relative to {@code fs.defaultFS}: on a machine whose Hadoop
     * configuration points at a cluster, {@code ./data.csv} must still mean the file on this machine.
     */
    public static URI toUri(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("no location given");
        }
        URI uri = new Path(location).toUri();
        return uri.getScheme() == null ? new File(location).getAbsoluteFile().toURI().normalize() : uri;
    }
}
