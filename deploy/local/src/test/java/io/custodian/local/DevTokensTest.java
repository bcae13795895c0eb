package io.custodian.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    @TempDir Path tmp;

    @Test
    void shouldIssueAnRs256TokenThatVerifiesWithThePublicKeyPem() throws Exception {
        DevTokens tokens = DevTokens.loadOrCreate(tmp.resolve("jwt"));

        String token = tokens.token("ADMIN", "ceo@example.com");

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(decode(parts[0])).contains("\"alg\":\"RS256\"");
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(publicKeyFromPem(Files.readString(tokens.publicKeyFile())));
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(signature.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        String claims = decode(parts[1]);
        assertThat(claims)
                .contains("\"iss\":\"https://custodian.local/issuer\"")
                .contains("\"aud\":\"custodian\"")
                .contains("\"email_verified\":true")
                .contains("\"sub\":\"ceo@example.com\"")
                .contains("\"upn\":\"ceo@example.com\"")
                .contains("\"email\":\"ceo@example.com\"")
                .contains("\"groups\":[\"ADMIN\"]")
                .contains("\"jti\":\"");
        long now = Instant.now().getEpochSecond();
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(exp - now)
                .isBetween(Duration.ofHours(12).toSeconds() - 60, Duration.ofHours(12).toSeconds());
    }

    @Test
    void shouldReuseTheKeyPairOfTheDirectory() throws Exception {
        Path dir = tmp.resolve("jwt");
        DevTokens first = DevTokens.loadOrCreate(dir);
        DevTokens second = DevTokens.loadOrCreate(dir);

        assertThat(second.publicKeyPem()).isEqualTo(first.publicKeyPem());
        assertThat(Files.readString(dir.resolve("private.pem")))
                .startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(dir.resolve("public.pem"))).isEqualTo(first.publicKeyPem());
        assertThat(first.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
        String token =
                second.token(Set.of("EMPLOYEE", "MANAGER"), "m@example.com", Duration.ofMinutes(5));
        assertThat(decode(token.split("\\.")[1])).contains("\"groups\":[\"EMPLOYEE\",\"MANAGER\"]");
    }

    @Test
    void shouldRunAsASingleFileSourceProgram() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path source = Path.of("src/main/java/io/custodian/local/DevTokens.java");
        Path keys = tmp.resolve("cli-keys");
        Process process =
                new ProcessBuilder(
                                java.toString(),
                                source.toString(),
                                "AUDITOR",
                                "a@example.com",
                                keys.toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        String out =
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        assertThat(out.split("\\.")).hasSize(3);
        assertThat(decode(out.split("\\.")[1])).contains("\"groups\":[\"AUDITOR\"]");
        // the same key directory serves the library API
        assertThat(DevTokens.loadOrCreate(keys).publicKeyFile()).exists();
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static PublicKey publicKeyFromPem(String pem) throws Exception {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
