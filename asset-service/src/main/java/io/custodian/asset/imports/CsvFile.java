package io.custodian.asset.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stored file read as CSV (the parse), row by row as arrays of cells, with how many of its
 * bytes have been read so far, for progress by position in the file.
 */
final class CsvFile implements AutoCloseable {

    private static final CsvMapper CSV = csvMapper();

    private final CountingInputStream in;
    private final Reader reader;
    private final MappingIterator<String[]> rows;

    private CsvFile(CountingInputStream in, Reader reader, MappingIterator<String[]> rows) {
        this.in = in;
        this.reader = reader;
        this.rows = rows;
    }

    private static CsvMapper csvMapper() {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        return mapper;
    }

    static CsvFile open(Path file) throws IOException {
        CountingInputStream in = new CountingInputStream(Files.newInputStream(file));
        Reader reader = null;
        try {
            reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return new CsvFile(
                    in,
                    reader,
                    CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(reader));
        } catch (IOException | RuntimeException e) {
            try (in;
                    Reader opened = reader) {
                throw e;
            }
        }
    }

    /**
     * Whether there is another row. A file that stops being CSV here throws a {@link
     * RuntimeException} caused by a {@link JsonProcessingException} (see {@link #malformed}).
     */
    boolean hasNext() {
        return rows.hasNext();
    }

    /** The next row's cells. */
    String[] next() {
        return rows.next();
    }

    long bytesRead() {
        return in.count();
    }

    /** Where and how the file stops being CSV, as the error of the row that starts there. */
    static RowError malformed(long row, JsonProcessingException problem) {
        JsonLocation at = problem.getLocation();
        return new RowError(
                row,
                "file",
                "not valid CSV from here on: "
                        + problem.getOriginalMessage()
                        + (at == null || at.getLineNr() < 1
                                ? ""
                                : " (line " + at.getLineNr() + " of the file)"));
    }

    @Override
    public void close() throws IOException {
        try (in;
                reader;
                rows) {
            // closed in the reverse order of their opening: rows, reader, file
        }
    }

    /** Counts the bytes read, for progress by position in the file. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
