package io.custodian.asset.imports;

import static io.custodian.asset.Api.createGroup;
import static io.custodian.asset.Api.token;
import static io.custodian.asset.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/local/import.sh} against the running service: upload, progress, counts, exit code.
 */
@QuarkusTest
class ImportScriptTest {

    private static final Path SCRIPT = Path.of("..", "deploy", "local", "import.sh");

    @TestHTTPResource("/")
    URL base;

    record Run(int exitCode, String output) {}

    @Test
    void shouldImportAFileFollowItAndPrintTheCountsAndWhereTheErrorsAre() throws Exception {
        String p = unique("SH");
        String group = createGroup("Script " + p);
        Path file = csv(p, "Script " + p);

        Run run = run(file, "--skip-invalid", "--dialect=custodian");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("uploading " + file)
                .contains("% ")
                .containsPattern("import [0-9a-f-]{36}: completed")
                .containsPattern("created +2\\n")
                .containsPattern("rejected +1\\n")
                .contains("/errors -H 'Accept: text/csv'");

        Run dry = run(file, "--skip-invalid", "--dry-run", "--default-owner-group=" + group);
        assertThat(dry.exitCode()).as(dry.output()).isZero();
        assertThat(dry.output())
                .contains("completed (dry run: nothing was written)")
                .containsPattern("unchanged +2\\n");
    }

    @Test
    void shouldExitNonZeroWhenTheImportIsRejectedOrRefused() throws Exception {
        String p = unique("SH");
        createGroup("Script " + p);
        Path file = csv(p, "Script " + p);

        Run rejected = run(file);
        assertThat(rejected.exitCode()).as(rejected.output()).isEqualTo(1);
        assertThat(rejected.output())
                .containsPattern("import [0-9a-f-]{36}: rejected")
                .contains("nothing was written")
                .contains("/errors");

        Run refused = run(file, "--default-owner-group=not-a-uuid");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("upload refused (HTTP 400)");

        assertThat(run(file, "--mode=fast").exitCode()).isEqualTo(2);
    }

    /** Two good rows and one without a known category, owned by the group. */
    private static Path csv(String p, String groupName) throws IOException {
        Path file = Files.createTempFile("import-script", ".csv");
        Files.writeString(
                file,
                "assetTag,name,category,classification,owner\n"
                        + (p + "-1,Build server,server,internal," + groupName + "\n")
                        + (p + "-2,Build agent,server,internal," + groupName + "\n")
                        + (p + "-3,Monitor,monitor,internal," + groupName + "\n"),
                StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    private Run run(Path file, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), file.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CUSTODIAN_URL", base.toString());
        builder.environment().put("CUSTODIAN_TOKEN", token("asset-admin", "it@example.com"));
        builder.environment().put("CUSTODIAN_POLL_SECONDS", "0.2");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return new Run(process.exitValue(), output);
    }
}
