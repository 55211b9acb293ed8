package io.tradewind.contracts.hbase;

import io.tradewind.core.popularity.PopularityTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compact binary values for the lists read on the hot path: a format byte, then per list a count and per entry
 * the item (length-prefixed UTF-8) and its number. A 50 + 50 item user list is ~1.2 KB against ~3.5 KB as JSON,
 * and decoding it allocates only the result. The format byte lets a later layout coexist with stored values.
 */
public final class ListCodec {
    private static final byte FORMAT = 1;

    private ListCodec() {
    }

    public static byte[] encodeUserLists(UserLists lists) {
        return write(out -> {
            writeScored(out, lists.all());
            writeScored(out, lists.fresh());
        });
    }

    public static UserLists decodeUserLists(byte[] value) {
        return read(value, in -> new UserLists(readScored(in), readScored(in)));
    }

    public static byte[] encodeScored(List<ScoredItem> items) {
        return write(out -> writeScored(out, items));
    }

    public static List<ScoredItem> decodeScored(byte[] value) {
        return read(value, ListCodec::readScored);
    }

    public static byte[] encodePopularity(List<PopularityTable.Entry> entries) {
        return write(out -> {
            writeCount(out, entries.size());
            for (PopularityTable.Entry e : entries) {
                out.writeUTF(e.item());
                out.writeInt(e.buyers());
            }
        });
    }

    public static List<PopularityTable.Entry> decodePopularity(byte[] value) {
        return read(value, in -> {
            int n = in.readUnsignedShort();
            List<PopularityTable.Entry> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new PopularityTable.Entry(in.readUTF(), in.readInt()));
            }
            return List.copyOf(out);
        });
    }

    public static byte[] encodeRealtime(List<RealtimeItem> items) {
        return write(out -> {
            writeCount(out, items.size());
            for (RealtimeItem item : items) {
                out.writeUTF(item.item());
                out.writeFloat(item.score());
                out.writeUTF(item.reason() == null ? "" : item.reason());
                out.writeLong(item.updatedAtMillis());
            }
        });
    }

    public static List<RealtimeItem> decodeRealtime(byte[] value) {
        return read(value, in -> {
            int n = in.readUnsignedShort();
            List<RealtimeItem> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new RealtimeItem(in.readUTF(), in.readFloat(), in.readUTF(), in.readLong()));
            }
            return List.copyOf(out);
        });
    }

    private static void writeScored(DataOutputStream out, List<ScoredItem> items) throws IOException {
        writeCount(out, items.size());
        for (ScoredItem item : items) {
            out.writeUTF(item.item());
            out.writeFloat(item.score());
        }
    }

    private static void writeCount(DataOutputStream out, int n) throws IOException {
        if (n > 0xffff) {
            throw new IllegalArgumentException("a stored list holds at most 65,535 entries, not " + n);
        }
        out.writeShort(n);
    }

    private static List<ScoredItem> readScored(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        List<ScoredItem> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ScoredItem(in.readUTF(), in.readFloat()));
        }
        return List.copyOf(out);
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] value, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("stored list has format " + format + ", this reader knows " + FORMAT);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("stored list is truncated or corrupt", e);
        }
    }
}
