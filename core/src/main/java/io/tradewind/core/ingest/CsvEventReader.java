package io.tradewind.core.ingest;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams one CSV input through a {@link SourceMapping}, one {@link MappedRow} at a time, so an import never
 * holds the file in memory. The header is checked against the mapping when the reader is opened.
 */
public final class CsvEventReader implements Iterator<MappedRow>, Closeable {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CSVFormat rawFormat;
    private final RowMapper mapper;
    private final String inputName;
    private final LastCharacter ending;
    private final List<String> header;
    private long lastLine;

    private CsvEventReader(CSVParser parser, LastCharacter ending, SourceMapping mapping, String inputName) {
        this.ending = ending;
        this.parser = parser;
        this.records = parser.iterator();
        this.rawFormat = CSVFormat.DEFAULT.builder().setDelimiter(mapping.delimiter()).build();
        this.inputName = inputName;
        this.header = mapping.inputHasHeader() ? readHeader() : mapping.declaredColumns();
        this.mapper = mapping.bind(header, inputName);
    }

    /**
     * @param inputName names the input in messages
     * @throws MappingException  when the header lacks a column the mapping reads
     * @throws CsvInputException when the input is empty or not CSV
     */
    public static CsvEventReader open(SourceMapping mapping, Reader input, String inputName) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(mapping.delimiter()).build();
        LastCharacter ending = new LastCharacter(withoutByteOrderMark(input));
        CSVParser parser = format.parse(ending);
        try {
            return new CsvEventReader(parser, ending, mapping, inputName);
        } catch (RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw broken(e);
        }
    }

    @Override
    public MappedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record = records.next();
        List<String> values = record.toList();
        long line = startLine(values);
        if (values.size() != mapper.width() && !hasNext() && !ending.endedWithLineBreak()) {
            throw cutOff(line, values);
        }
        String rawRow = rawFormat.format(values.toArray());
        return new MappedRow(line, rawRow, mapper.map(values, rawRow));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private List<String> readHeader() {
        if (!hasNext()) {
            throw new CsvInputException(inputName + " is empty: expected a header line", null);
        }
        List<String> header = records.next().toList();
        lastLine = parser.getCurrentLineNumber();
        return header;
    }

    /** The parser reports the record's last line; quoted line breaks inside values tell how far back it began. */
    private long startLine(List<String> values) {
        long end = parser.getCurrentLineNumber();
        long breaks = 0;
        for (String v : values) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        lastLine = end;
        return end - breaks;
    }

    /** The last record is short and no line break follows: the file was truncated, not merely malformed. */
    private CsvInputException cutOff(long line, List<String> values) {
        int last = values.size() - 1;
        String column = last < header.size() ? "'" + header.get(last) + "'" : "#" + (last + 1);
        return new CsvInputException(inputName + " is cut off mid-line: line " + line + " ends in column " + column
                + " (" + values.size() + " of " + mapper.width() + " columns) without a line break; the file looks "
                + "truncated, nothing was imported", null);
    }

    private CsvInputException broken(UncheckedIOException e) {
        return new CsvInputException(inputName + ": cannot read CSV after line " + lastLine + ": "
                + e.getCause().getMessage(), e);
    }

    /** Remembers the last character read, to tell a truncated file (no final line break) from a short row. */
    private static final class LastCharacter extends FilterReader {
        private int last = -1;

        LastCharacter(Reader in) {
            super(in);
        }

        boolean endedWithLineBreak() {
            return last == '\n' || last == '\r';
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                last = c;
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                last = buffer[offset + n - 1];
            }
            return n;
        }
    }

    /** Excel and some exporters start UTF-8 files with a BOM, which would otherwise stick to the first column name. */
    private static Reader withoutByteOrderMark(Reader input) throws IOException {
        BufferedReader buffered = new BufferedReader(input, 1 << 16);
        buffered.mark(1);
        if (buffered.read() != BYTE_ORDER_MARK) {
            buffered.reset();
        }
        return buffered;
    }
}
