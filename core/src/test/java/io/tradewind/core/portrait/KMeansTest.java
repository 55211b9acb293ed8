package io.tradewind.core.portrait;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KMeansTest {

    /** Three well-separated blobs of 50 points each around (0,0), (10,0) and (0,10). */
    static List<double[]> blobs(long seed) {
        Random random = new Random(seed);
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        List<double[]> points = new ArrayList<>();
        for (double[] c : centres) {
            for (int i = 0; i < 50; i++) {
                points.add(new double[] {c[0] + random.nextGaussian() * 0.5, c[1] + random.nextGaussian() * 0.5});
            }
        }
        return points;
    }

    @Test
    void findsSeparatedClustersAndIsDeterministic() {
        List<double[]> points = blobs(1);
        KMeans.Result a = new KMeans(3, 3, 42).fit(points);
        KMeans.Result b = new KMeans(3, 3, 42).fit(points);
        assertArrayEquals(a.assignment(), b.assignment());
        assertArrayEquals(new int[] {50, 50, 50}, java.util.Arrays.stream(a.sizes()).sorted().toArray());
        // Points from one blob share a cluster; different blobs differ.
        assertEquals(a.assignment()[0], a.assignment()[49]);
        assertNotEquals(a.assignment()[0], a.assignment()[50]);
        assertNotEquals(a.assignment()[50], a.assignment()[100]);
        assertTrue(a.wcss() < 150 * 0.5 * 2 * 2, "WCSS near 2·σ² per point, got " + a.wcss());
    }

    @Test
    void refusesMoreClustersThanPoints() {
        assertThrows(IllegalArgumentException.class, () -> new KMeans(4, 1, 1).fit(List.of(new double[] {1}, new double[] {2})));
    }

    @Test
    void selectionPicksThreeForThreeBlobsAndReportsEveryK() {
        KSelection.Choice choice = KSelection.choose(blobs(7), 2, 8, 42);
        assertEquals(7, choice.candidates().size());
        assertEquals(3, choice.chosen().k());
        KSelection.Candidate three = choice.candidates().get(1);
        assertTrue(three.silhouette() > 0.8, "well separated blobs have silhouette near 1: " + three.silhouette());
        for (int i = 1; i < choice.candidates().size(); i++) {
            assertTrue(choice.candidates().get(i).wcss() <= choice.candidates().get(i - 1).wcss() * 1.001,
                    "WCSS does not grow with k");
        }
    }

    @Test
    void silhouetteOfPerfectSplitIsOneAndOfArbitrarySplitIsLow() {
        List<double[]> points = List.of(new double[] {0}, new double[] {0}, new double[] {10}, new double[] {10});
        assertEquals(1.0, Silhouette.mean(points, new int[] {0, 0, 1, 1}, 2, 100, 1), 1e-9);
        assertTrue(Silhouette.mean(points, new int[] {0, 1, 0, 1}, 2, 100, 1) < 0);
    }
}
