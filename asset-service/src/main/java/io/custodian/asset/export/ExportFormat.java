package io.custodian.asset.export;

import io.custodian.asset.web.QueryParameters;
import java.util.Locale;

/** What an export is written as. */
enum ExportFormat {
    CSV("text/csv; charset=UTF-8"),
    JSON("application/json");

    final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The {@code format} query parameter; CSV when absent, 400 when unknown. */
    static ExportFormat of(String value) {
        if (value == null) {
            return CSV;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "json" -> JSON;
            default -> throw QueryParameters.invalid("format", "must be one of: csv, json");
        };
    }

    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
