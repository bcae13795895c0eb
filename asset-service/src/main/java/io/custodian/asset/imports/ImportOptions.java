package io.custodian.asset.imports;

import io.custodian.asset.imports.ImportJob.Mode;
import io.custodian.asset.web.ProblemException;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/** How to run an upload. {@code dialect} null = detect from the header row. */
record ImportOptions(Dialect dialect, Mode mode, boolean dryRun, UUID defaultOwnerGroup) {

    /**
     * The options as the API's query parameters or the console's form fields spell them (null: not
     * given); a value that is none of its choices is {@code refused(field, message)}.
     */
    static ImportOptions of(
            String dialect,
            String mode,
            String dryRun,
            String defaultOwnerGroup,
            BiFunction<String, String, ProblemException> refused) {
        return new ImportOptions(
                dialect == null ? null : parse("dialect", dialect, Dialect::parse, refused),
                mode == null ? Mode.ALL_OR_NOTHING : parse("mode", mode, Mode::parse, refused),
                dryRun != null && parse("dryRun", dryRun, ImportOptions::bool, refused),
                defaultOwnerGroup == null
                        ? null
                        : parse("defaultOwnerGroup", defaultOwnerGroup, UUID::fromString, refused));
    }

    private static <T> T parse(
            String field,
            String value,
            Function<String, T> parser,
            BiFunction<String, String, ProblemException> refused) {
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw refused.apply(
                    field,
                    switch (field) {
                        case "dialect" -> "must be custodian or snipeit";
                        case "mode" -> "must be all-or-nothing or skip-invalid";
                        case "dryRun" -> "must be true or false";
                        default -> "must be a group id (uuid)";
                    });
        }
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }
}
