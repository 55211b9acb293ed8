package io.tradewind.contracts.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;

class RowKeysTest {
    @Test
    void keyIsTwoHexCharsOfMd5ThenTheId() {
        // Prefixes from `python3 -c "import hashlib; print(hashlib.md5(b'12346').hexdigest()[:2])"`: any ops
        // script finds a row the same way.
        assertEquals("a3:12346", Bytes.toString(RowKeys.salted("12346")));
        assertEquals("12:85123A", Bytes.toString(RowKeys.salted("85123A")));
        assertEquals("12346", RowKeys.id(RowKeys.salted("12346")));
    }

    @Test
    void sequentialIdsLandInManyBuckets() {
        Set<String> buckets = new HashSet<>();
        for (int id = 12346; id < 12346 + 1_000; id++) {
            buckets.add(Bytes.toString(RowKeys.salted(Integer.toString(id))).substring(0, 2));
        }
        assertTrue(buckets.size() > 240, buckets.size() + " of 256 buckets");
    }

    @Test
    void splitKeysCutTheBucketRangeEvenlyAndInOrder() {
        assertEquals(0, RowKeys.splitKeys(1).length);
        byte[][] four = RowKeys.splitKeys(4);
        assertEquals("40", Bytes.toString(four[0]));
        assertEquals("80", Bytes.toString(four[1]));
        assertEquals("c0", Bytes.toString(four[2]));
        byte[][] all = RowKeys.splitKeys(256);
        assertEquals(255, all.length);
        for (int i = 1; i < all.length; i++) {
            assertTrue(Bytes.compareTo(all[i - 1], all[i]) < 0);
        }
    }
}
