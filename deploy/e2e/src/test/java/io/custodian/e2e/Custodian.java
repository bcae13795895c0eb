package io.custodian.e2e;

import io.custodian.local.DevTokens;
import io.custodian.local.KafkaBroker;
import io.custodian.local.MailSink;
import io.custodian.local.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system, as the local run starts it: the embedded PostgreSQL, Kafka and SMTP sink of
 * deploy/local, and both packaged services as their own processes, configured through environment
 * variables only (as in production). One instance for all test classes; stopped when the run ends.
 */
final class Custodian implements ExtensionContext.Store.CloseableResource {

    final Postgres postgres;
    final KafkaBroker kafka;
    final MailSink mail;
    final DevTokens tokens;
    final String assetService;
    final String notificationWorker;
    private final List<Process> processes = new ArrayList<>();

    static Custodian get(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Custodian.class, k -> new Custodian(), Custodian.class);
    }

    private Custodian() {
        Path logs = Path.of("target", "e2e-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = Postgres.start(0, null);
        postgres.createDatabase("custodian_assets", "custodian", "custodian");
        postgres.createDatabase("custodian_notifications", "custodian", "custodian");
        kafka = KafkaBroker.start("127.0.0.1", 0, null);
        mail = MailSink.start(0, -1);
        tokens = DevTokens.forTests();

        int assetPort = freePort();
        int workerPort = freePort();
        Map<String, String> common =
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        kafka.bootstrapServers(),
                        "CUSTODIAN_DB_USER",
                        "custodian",
                        "CUSTODIAN_DB_PASSWORD",
                        "custodian",
                        "CUSTODIAN_JWT_ISSUER",
                        DevTokens.ISSUER,
                        "CUSTODIAN_JWT_PUBLIC_KEY",
                        tokens.publicKeyFile().toAbsolutePath().toString());
        start(
                "asset-service",
                assetPort,
                common,
                Map.of("CUSTODIAN_DB_URL", postgres.jdbcUrl("custodian_assets")),
                logs);
        start(
                "notification-worker",
                workerPort,
                common,
                Map.of(
                        "CUSTODIAN_DB_URL", postgres.jdbcUrl("custodian_notifications"),
                        "CUSTODIAN_SMTP_HOST", "127.0.0.1",
                        "CUSTODIAN_SMTP_PORT", String.valueOf(mail.smtpPort()),
                        "CUSTODIAN_SMTP_START_TLS", "DISABLED",
                        "CUSTODIAN_RECIPIENTS_CEO", "ceo@example.com",
                        "CUSTODIAN_RECIPIENTS_CTO", "cto@example.com"),
                logs);
        assetService = "http://127.0.0.1:" + assetPort;
        notificationWorker = "http://127.0.0.1:" + workerPort;
        awaitReady(assetService);
        awaitReady(notificationWorker);
    }

    String token(String role, String email) {
        return tokens.token(role, email);
    }

    private void start(
            String name, int port, Map<String, String> common, Map<String, String> own, Path logs) {
        String jar = System.getProperty("custodian." + name + ".jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException(
                    "Packaged "
                            + name
                            + " not found at "
                            + jar
                            + ": build it first (./mvnw verify)");
        }
        ProcessBuilder builder =
                new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-jar",
                        jar);
        builder.environment().putAll(common);
        builder.environment().putAll(own);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.redirectErrorStream(true);
        builder.redirectOutput(logs.resolve(name + ".log").toFile());
        try {
            processes.add(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(String base) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(
                            "A service exited with " + p.exitValue() + "; see target/e2e-logs");
                }
            }
            try {
                HttpResponse<Void> ready =
                        http.send(
                                HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(base + " not ready after 90 s; see target/e2e-logs");
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        mail.close();
        kafka.close();
        postgres.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
