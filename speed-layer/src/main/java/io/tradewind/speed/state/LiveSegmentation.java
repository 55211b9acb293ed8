package io.tradewind.speed.state;

import io.tradewind.contracts.hbase.LiveSegment;
import io.tradewind.contracts.views.JsonLinesReader;
import io.tradewind.contracts.views.Manifest;
import io.tradewind.contracts.views.RfmBaselineView;
import io.tradewind.contracts.views.SegmentsView;
import io.tradewind.contracts.views.ViewStore;
import io.tradewind.core.portrait.PurchaseLedger;
import io.tradewind.core.portrait.PurchaseTotals;
import io.tradewind.core.portrait.Rfm;
import io.tradewind.core.portrait.SegmentLabeller;
import io.tradewind.core.portrait.SegmentModel;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * Assigns users' live segments against one batch version: its segmentation ({@code segments.json}, core's
 * {@link SegmentModel}), its as-of and each user's RFM inputs at that time ({@link RfmBaseline}). A user's live RFM
 * is the batch totals plus the totals of the user's events since the as-of, through core's one formula
 * ({@link Rfm#of(PurchaseTotals, long)}), measured at the user's latest event time (never the wall clock, so a
 * replay assigns the same segments).
 */
final class LiveSegmentation {
    private final String version;
    private final long asOfMillis;
    private final SegmentModel model;
    private final RfmBaseline baseline;

    LiveSegmentation(String version, long asOfMillis, SegmentModel model, RfmBaseline baseline) {
        this.version = version;
        this.asOfMillis = asOfMillis;
        this.model = model;
        this.baseline = baseline;
    }

    /**
     * The version's segmentation; empty when it has no segments (too few buyers) or was published before the batch
     * wrote {@value RfmBaselineView#FILE}: its users keep the batch segment.
     */
    static Optional<LiveSegmentation> load(ViewStore views, String version) throws IOException {
        Path dir = new Path(views.root(), version);
        JsonLinesReader reader = new JsonLinesReader(views.fileSystem(), dir, version);
        Optional<SegmentModel> model = SegmentsView.read(views.fileSystem(), dir).flatMap(SegmentsView::model);
        if (model.isEmpty() || !reader.exists(RfmBaselineView.FILE)) {
            return Optional.empty();
        }
        Manifest manifest = views.readManifest(version, Manifest.class);
        List<RfmBaselineView> rows = new ArrayList<>();
        reader.read(RfmBaselineView.FILE, RfmBaselineView.class, rows::add);
        return Optional.of(new LiveSegmentation(version, Instant.parse(manifest.asOf()).toEpochMilli(), model.get(),
                RfmBaseline.of(rows)));
    }

    String version() {
        return version;
    }

    long asOfMillis() {
        return asOfMillis;
    }

    int baselineUsers() {
        return baseline.size();
    }

    int segments() {
        return model.labels().length;
    }

    /** What the batch portrait says: the segment at the as-of, {@code new} for a user who had bought nothing. */
    String batchSegment(String user) {
        PurchaseTotals totals = baseline.totals(user);
        return totals.hasPurchases() ? model.segmentOf(Rfm.of(totals, asOfMillis)) : SegmentLabeller.NEW_USERS;
    }

    /**
     * The user's segment now ({@code atMillis}: the latest event time folded in), from the batch totals and
     * {@code since}, the user's purchases and returns (those before the as-of are ignored: the batch counted them);
     * empty while the user has bought nothing.
     */
    Optional<LiveSegment> assign(String user, PurchaseLedger since, long atMillis) {
        PurchaseTotals totals = baseline.totals(user).plus(since.totalsSince(asOfMillis));
        if (!totals.hasPurchases()) {
            return Optional.empty();
        }
        Rfm rfm = Rfm.of(totals, Math.max(asOfMillis, atMillis));
        return Optional.of(new LiveSegment(version, model.segmentOf(rfm), atMillis, rfm.recencyDays(), rfm.frequency(),
                rfm.monetary()));
    }
}
