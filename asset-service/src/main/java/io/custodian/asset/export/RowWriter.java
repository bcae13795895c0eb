package io.custodian.asset.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes export rows one at a time to the response as they come from the database cursor: nothing
 * is collected, so memory does not grow with the register.
 */
interface RowWriter extends AutoCloseable {

    void write(ExportRow row) throws IOException;

    /** After the last row: close the document (the JSON array) and flush. */
    void finish() throws IOException;

    @Override
    void close() throws IOException;

    static RowWriter of(ExportFormat format, OutputStream out, ObjectMapper json)
            throws IOException {
        return switch (format) {
            case CSV -> new Csv(out);
            case JSON -> new Json(out, json);
        };
    }

    /**
     * RFC 4180 CSV (CRLF, quoted where needed) with a header row, UTF-8. A cell that a spreadsheet
     * would run as a formula (starting with {@code = + - @}, tab or carriage return) is prefixed
     * with {@code '}, so opening an export never executes what someone typed into a name or notes.
     */
    final class Csv implements RowWriter {

        private static final CsvMapper MAPPER = new CsvMapper();
        private static final CsvSchema SCHEMA;

        static {
            CsvSchema.Builder schema = CsvSchema.builder();
            ExportRow.COLUMNS.forEach(c -> schema.addColumn(c.name()));
            SCHEMA = schema.setUseHeader(false).setLineSeparator("\r\n").build();
        }

        private final CsvGenerator out;

        Csv(OutputStream stream) throws IOException {
            this.out = MAPPER.getFactory().createGenerator(stream, JsonEncoding.UTF8);
            // the response is the framework's to end: a failed export must be cut, not ended
            out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            out.setSchema(SCHEMA);
            // the header row, written at once so that an empty export still has it
            out.writeStartArray();
            for (ExportRow.Column column : ExportRow.COLUMNS) {
                out.writeString(column.name());
            }
            out.writeEndArray();
        }

        @Override
        public void write(ExportRow row) throws IOException {
            out.writeStartArray();
            for (ExportRow.Column column : ExportRow.COLUMNS) {
                String cell = ExportRow.text(column.value().apply(row));
                if (cell == null) {
                    out.writeNull();
                } else {
                    out.writeString(escapeFormula(cell));
                }
            }
            out.writeEndArray();
        }

        /** {@code =1+2} becomes {@code '=1+2}: text to a spreadsheet, not a formula. */
        static String escapeFormula(String cell) {
            if (cell.isEmpty()) {
                return cell;
            }
            return switch (cell.charAt(0)) {
                case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
                default -> cell;
            };
        }

        @Override
        public void finish() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** A JSON array of objects, one per asset, with the CSV's column names; nulls left out. */
    final class Json implements RowWriter {

        private final JsonGenerator out;

        Json(OutputStream stream, ObjectMapper mapper) throws IOException {
            this.out = mapper.getFactory().createGenerator(stream, JsonEncoding.UTF8);
            // an export that fails midway must not end as a well-formed (shorter) array
            out.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            out.writeStartArray();
        }

        @Override
        public void write(ExportRow row) throws IOException {
            out.writeStartObject();
            for (ExportRow.Column column : ExportRow.COLUMNS) {
                Object value = column.value().apply(row);
                if (value instanceof Boolean b) {
                    out.writeBooleanField(column.name(), b);
                } else if (value != null) {
                    out.writeStringField(column.name(), ExportRow.text(value));
                }
            }
            out.writeEndObject();
        }

        @Override
        public void finish() throws IOException {
            out.writeEndArray();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
