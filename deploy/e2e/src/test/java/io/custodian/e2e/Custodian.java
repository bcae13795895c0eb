package io.custodian.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.custodian.local.DevTokens;
import io.custodian.local.KafkaBroker;
import io.custodian.local.MailSink;
import io.custodian.local.OidcProvider;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system, as the local run starts it: the embedded PostgreSQL, Kafka and SMTP sink of
 * deploy/local, and both packaged services as their own processes, configured through environment
 * variables only (as in production). One instance for all test classes; stopped when the run ends.
 */
final class Custodian implements ExtensionContext.Store.CloseableResource {

    /** How long the worker retries an e-mail before it dead-letters the event. */
    static final Duration WORKER_RETRY_WINDOW = Duration.ofSeconds(60);

    /**
     * How long one alert may take here without anything being wrong: well past one retry of a
     * stalled SMTP connection (the worker cuts an attempt after 5 s and tries again), well short of
     * {@link #WORKER_RETRY_WINDOW}, which a failing or blocked delivery would cost. The one-second
     * target is measured by the benchmark in deploy/load, beside the machine's own floors, not by a
     * test on a loaded machine.
     */
    static final Duration ALERT_BOUND = Duration.ofSeconds(10);

    /** Where the worker sends its start-up message (custodian.readiness.mail-to). */
    static final String READINESS_MAIL_TO = "ops@example.com";

    /** The shared secret the worker signs its webhook calls to {@link #receiver} with. */
    static final String WEBHOOK_SECRET = "e2e-webhook-secret-0123456789abcdef";

    /** The JVM options of each service process unless a test asks for others. */
    private static final List<String> JVM = List.of("-Xmx384m");

    final Postgres postgres;
    final KafkaBroker kafka;
    final MailSink mail;

    /**
     * The console's OpenID Connect provider, with the demo users ({@link OidcProvider#DEMO_USERS}).
     */
    final OidcProvider oidc;

    final DevTokens tokens;

    /**
     * A real HTTP receiver (WireMock) standing in for the leadership chat ({@code POST /chat}, a
     * Slack-compatible incoming webhook) and for a SIEM's signed webhook ({@code POST /siem}).
     */
    final WireMockServer receiver;

    /** The OpenTelemetry collector both services export their traces to (OTLP/HTTP). */
    final OtlpReceiver traces;

    final String assetService;
    final String notificationWorker;

    /** The management interfaces (health, metrics), apart from the API as in production. */
    final String assetManagement;

    final String workerManagement;
    private final Path logs;

    /** Each service's API and management base URLs, by process name. */
    private final Map<String, Instance> instances = new LinkedHashMap<>();

    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();

    /** How the asset-service runs now: {@link AssetServiceOptions#DEFAULT} unless a test asked. */
    private AssetServiceOptions assetServiceOptions;

    /**
     * How a service process is started (the harness's JVM options and environment, to which the
     * asset-service's {@link AssetServiceOptions} are added), kept so that it can be started again
     * the same way.
     */
    private record Service(String jar, Map<String, String> env) {}

    /** Where one process of a service answers: its API and its management interface. */
    record Instance(String api, String management) {}

    /**
     * What a test class may ask of the asset-service process beyond the harness's configuration:
     * JVM options (the default heap is {@code -Xmx384m}) and configuration as environment variables
     * (Quarkus's names: {@code CUSTODIAN_EXPORTS_FETCH_SIZE} for {@code
     * custodian.exports.fetch-size}), e.g. a small heap, or a daily job that runs every few
     * seconds.
     */
    record AssetServiceOptions(List<String> jvm, Map<String, String> env) {

        /** What every test class gets unless it asks for something else. */
        static final AssetServiceOptions DEFAULT = new AssetServiceOptions(JVM, Map.of());

        AssetServiceOptions {
            jvm = List.copyOf(jvm);
            env = Map.copyOf(env);
        }

        /** The same with the maximum heap {@code size} ({@code -Xmx<size>}) instead. */
        AssetServiceOptions withMaxHeap(String size) {
            List<String> options = new ArrayList<>(jvm);
            options.removeIf(o -> o.startsWith("-Xmx"));
            options.add(0, "-Xmx" + size);
            return new AssetServiceOptions(options, env);
        }

        /** The same with one more JVM option. */
        AssetServiceOptions withJvmOption(String option) {
            List<String> options = new ArrayList<>(jvm);
            options.add(option);
            return new AssetServiceOptions(options, env);
        }

        /** The same with one more (or another) environment variable. */
        AssetServiceOptions withEnv(String name, String value) {
            Map<String, String> variables = new LinkedHashMap<>(env);
            variables.put(name, value);
            return new AssetServiceOptions(jvm, variables);
        }
    }

    /** The system, with the asset-service as the harness configures it. */
    static Custodian get(ExtensionContext context) {
        return get(context, AssetServiceOptions.DEFAULT);
    }

    /**
     * The system, with the asset-service running with {@code options}: started so if the system is
     * new, restarted (the asset-service alone, on the same port and infrastructure) if it runs with
     * other options, as it is otherwise. A test class asks in its {@code beforeAll}; the next class
     * that asks for other options (the default included) gets those.
     */
    static Custodian get(ExtensionContext context, AssetServiceOptions options) {
        Custodian custodian =
                context.getRoot()
                        .getStore(ExtensionContext.Namespace.GLOBAL)
                        .getOrComputeIfAbsent(
                                Custodian.class, k -> new Custodian(options), Custodian.class);
        custodian.runAssetService(options);
        return custodian;
    }

    private Custodian(AssetServiceOptions options) {
        assetServiceOptions = options;
        logs = Path.of("target", "e2e-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = Postgres.start(0, null);
        postgres.createDatabase("custodian_assets", "custodian", "custodian");
        postgres.createDatabase("custodian_notifications", "custodian", "custodian");
        kafka = KafkaBroker.start("127.0.0.1", 0, null);
        warmUp(kafka);
        mail = MailSink.start(0, -1);
        oidc = OidcProvider.start(0, OidcProvider.DEMO_USERS, logs.resolve("oidc-provider"));
        tokens = DevTokens.forTests();
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
        receiver.stubFor(WireMock.post("/chat").willReturn(WireMock.ok("ok")));
        receiver.stubFor(WireMock.post("/siem").willReturn(WireMock.ok()));
        warmUp(receiver);
        traces = OtlpReceiver.start();

        int assetPort = freePort();
        int workerPort = freePort();
        int assetManagementPort = freePort();
        int workerManagementPort = freePort();
        Map<String, String> common =
                Map.ofEntries(
                        Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                        Map.entry("CUSTODIAN_DB_USER", "custodian"),
                        Map.entry("CUSTODIAN_DB_PASSWORD", "custodian"),
                        Map.entry("CUSTODIAN_JWT_ISSUER", DevTokens.ISSUER),
                        Map.entry(
                                "CUSTODIAN_JWT_PUBLIC_KEY",
                                tokens.publicKeyFile().toAbsolutePath().toString()),
                        // traces as in production, to the receiver this harness runs
                        Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint()),
                        Map.entry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
                        Map.entry("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms"));
        define(
                "asset-service",
                assetPort,
                assetManagementPort,
                common,
                Map.of(
                        "CUSTODIAN_DB_URL",
                        postgres.jdbcUrl("custodian_assets"),
                        // uploads of this run only, not the machine's shared temporary folder
                        "CUSTODIAN_IMPORTS_DIR",
                        Path.of("target", "e2e-imports").toAbsolutePath().toString(),
                        // the console signs people in at the provider; plain http on loopback
                        "CUSTODIAN_OIDC_ISSUER",
                        oidc.issuer(),
                        "CUSTODIAN_CONSOLE_SECURE_COOKIES",
                        "false",
                        // A.6.8's SLA, seconds rather than minutes, so that EventReportingTest
                        // sees an alert held back by an SMTP outage go past it
                        "CUSTODIAN_COMPLIANCE_NOTIFICATION_WITHIN",
                        EventReportingTest.SLA.toString()));
        define(
                "notification-worker",
                workerPort,
                workerManagementPort,
                common,
                Map.ofEntries(
                        Map.entry("CUSTODIAN_DB_URL", postgres.jdbcUrl("custodian_notifications")),
                        Map.entry("CUSTODIAN_SMTP_HOST", "127.0.0.1"),
                        Map.entry("CUSTODIAN_SMTP_PORT", String.valueOf(mail.smtpPort())),
                        Map.entry("CUSTODIAN_SMTP_START_TLS", "DISABLED"),
                        Map.entry("CUSTODIAN_RECIPIENTS_CEO", "ceo@example.com"),
                        // alerts link to the incident's page in the console
                        Map.entry("CUSTODIAN_CONSOLE_URL", "http://127.0.0.1:" + assetPort),
                        Map.entry("CUSTODIAN_RECIPIENTS_CTO", "cto@example.com"),
                        Map.entry("CUSTODIAN_RECIPIENTS_IT", "it@example.com"),
                        Map.entry("CUSTODIAN_CHAT_LEADERSHIP_URL", receiver.baseUrl() + "/chat"),
                        Map.entry("CUSTODIAN_WEBHOOKS_SIEM_URL", receiver.baseUrl() + "/siem"),
                        Map.entry("CUSTODIAN_WEBHOOKS_SIEM_SECRET", WEBHOOK_SECRET),
                        // the WireMock receiver is on this machine: loopback targets are allowed
                        Map.entry("CUSTODIAN_DELIVERY_ALLOW_PRIVATE_TARGETS", "true"),
                        // a static group member: killed and started again, it gets its partitions
                        // back at once rather than after the session timeout
                        Map.entry("CUSTODIAN_WORKER_MEMBER_ID", "e2e-worker"),
                        // the start-up message that proves mail goes out before the worker says
                        // it is ready
                        Map.entry("CUSTODIAN_READINESS_MAIL_TO", READINESS_MAIL_TO),
                        // production's backoff curve, capped at 1 s so that a few seconds of SMTP
                        // outage cost at most a second more; a window of a minute instead of ten
                        Map.entry("CUSTODIAN_DELIVERY_RETRY_MAX_DELAY", "1s"),
                        Map.entry(
                                "CUSTODIAN_DELIVERY_RETRY_WINDOW",
                                WORKER_RETRY_WINDOW.toSeconds() + "s")));
        assetService = "http://127.0.0.1:" + assetPort;
        notificationWorker = "http://127.0.0.1:" + workerPort;
        assetManagement = "http://127.0.0.1:" + assetManagementPort;
        workerManagement = "http://127.0.0.1:" + workerManagementPort;
        instances.put("asset-service", new Instance(assetService, assetManagement));
        instances.put("notification-worker", new Instance(notificationWorker, workerManagement));
        launch("asset-service");
        launch("notification-worker");
        awaitReady(assetManagement);
        awaitReady(workerManagement);
    }

    /**
     * A second replica of each service ({@code asset-service-2}, {@code notification-worker-2}) on
     * ports of its own, configured as the first (the same database, broker, SMTP server and
     * options; the worker with a member id of its own), started and ready. No-op for one already
     * running.
     */
    synchronized void startReplicas() {
        if (!services.containsKey("asset-service-2")) {
            replicate("asset-service", "asset-service-2", Map.of());
            replicate(
                    "notification-worker",
                    "notification-worker-2",
                    Map.of("CUSTODIAN_WORKER_MEMBER_ID", "e2e-worker-2"));
        }
        start("asset-service-2");
        start("notification-worker-2");
    }

    /**
     * Stops the second replicas (SIGTERM), leaving one of each as the other test classes expect.
     */
    synchronized void stopReplicas() {
        for (String name : List.of("asset-service-2", "notification-worker-2")) {
            Process p = processes.remove(name);
            if (p != null) {
                stop(List.of(p));
            }
        }
    }

    /** Where the process {@code name} answers. */
    Instance instance(String name) {
        return instances.get(name);
    }

    /**
     * Starts the process {@code name} (with its very configuration) unless it runs; waits until
     * ready.
     */
    synchronized void start(String name) {
        Process running = processes.get(name);
        if (running != null && running.isAlive()) {
            return;
        }
        processes.remove(name);
        launch(name);
        awaitReady(instances.get(name).management());
    }

    /**
     * SIGKILL to the process {@code name}: no shutdown hook, nothing flushed; waits until it is
     * gone.
     */
    synchronized void kill(String name) {
        Process p = processes.remove(name);
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM to the process {@code name}, as a rolling restart does; waits until it exited. */
    synchronized void terminate(String name) {
        Process p = processes.remove(name);
        if (p != null) {
            stop(List.of(p));
        }
    }

    private void replicate(String of, String name, Map<String, String> own) {
        int port = freePort();
        int management = freePort();
        Map<String, String> env = new LinkedHashMap<>(services.get(of).env());
        env.putAll(own);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(management));
        services.put(name, new Service(services.get(of).jar(), Map.copyOf(env)));
        instances.put(
                name, new Instance("http://127.0.0.1:" + port, "http://127.0.0.1:" + management));
        try {
            Files.deleteIfExists(logs.resolve(name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kills the notification-worker abruptly (SIGKILL: no shutdown hook, no consumer close, no
     * offset commit, no transaction completion) and waits until the process is gone.
     */
    synchronized void killWorker() {
        Process worker = processes.get("notification-worker");
        if (worker == null || !worker.isAlive()) {
            return;
        }
        worker.destroyForcibly();
        try {
            if (!worker.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("notification-worker survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the notification-worker again with the very same configuration (port, environment) and
     * waits until it is ready. No-op when it is running.
     */
    synchronized void startWorker() {
        if (isWorkerRunning()) {
            return;
        }
        launch("notification-worker");
        awaitReady(workerManagement);
    }

    /**
     * Stops both services as a deployment does (SIGTERM, then waiting for them to exit) and starts
     * them again with the very same configuration: fresh JVMs on the running infrastructure.
     * Returns once both say they are ready.
     */
    synchronized void restartServices() {
        stop(processes.values());
        launch("asset-service");
        launch("notification-worker");
        awaitReady(assetManagement);
        awaitReady(workerManagement);
    }

    /**
     * Restarts the asset-service alone (SIGTERM, then a fresh JVM on the same port) with these
     * options, unless it already runs with them; returns once it says it is ready.
     */
    synchronized void runAssetService(AssetServiceOptions options) {
        Process running = processes.get("asset-service");
        if (options.equals(assetServiceOptions) && running != null && running.isAlive()) {
            return;
        }
        if (running != null) {
            stop(List.of(running));
        }
        assetServiceOptions = options;
        launch("asset-service");
        awaitReady(assetManagement);
    }

    synchronized boolean isAssetServiceRunning() {
        Process service = processes.get("asset-service");
        return service != null && service.isAlive();
    }

    /** The running asset-service's process, e.g. to read its memory from /proc. */
    synchronized ProcessHandle assetServiceProcess() {
        return processes.get("asset-service").toHandle();
    }

    synchronized boolean isWorkerRunning() {
        Process worker = processes.get("notification-worker");
        return worker != null && worker.isAlive();
    }

    /** The worker's log (all its runs, appended), e.g. to check what it did during an outage. */
    Path workerLog() {
        return logs.resolve("notification-worker.log");
    }

    String token(String role, String email) {
        return tokens.token(role, email);
    }

    private void define(
            String name,
            int port,
            int managementPort,
            Map<String, String> common,
            Map<String, String> own) {
        String jar = System.getProperty("custodian." + name + ".jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException(
                    "Packaged "
                            + name
                            + " not found at "
                            + jar
                            + ": build it first (./mvnw verify)");
        }
        Map<String, String> env = new LinkedHashMap<>(common);
        env.putAll(own);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        services.put(name, new Service(jar, Map.copyOf(env)));
        try {
            Files.deleteIfExists(logs.resolve(name + ".log")); // a fresh log per test run
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the service's process; its output is appended to target/e2e-logs/{name}.log. */
    private void launch(String name) {
        Service service = services.get(name);
        boolean assets = name.startsWith("asset-service");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(assets ? assetServiceOptions.jvm() : JVM);
        command.add("-jar");
        command.add(service.jar());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(service.env());
        if (assets) {
            builder.environment().putAll(assetServiceOptions.env());
        }
        builder.redirectErrorStream(true);
        builder.redirectOutput(
                ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        try {
            processes.put(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(String base) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            for (Process p : processes.values()) {
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
        stop(processes.values());
        receiver.stop();
        traces.close();
        mail.close();
        oidc.close();
        kafka.close();
        postgres.close();
    }

    /**
     * One request to the receiver before any service calls it, answered 404: a real chat or SIEM
     * endpoint is long warm when an alert comes, a WireMock just started in this JVM is not.
     */
    private static void warmUp(WireMockServer receiver) {
        try {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(receiver.baseUrl() + "/warm-up"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One record written to a scratch topic and read back before any service uses the broker: a
     * production broker is long warm when an event comes, one just started in this JVM is not.
     */
    private static void warmUp(KafkaBroker kafka) {
        String topic = "e2e.warm-up";
        kafka.ensureTopics(1, topic);
        Map<String, Object> common = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                        new KafkaProducer<>(
                                common, new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer =
                        new KafkaConsumer<>(
                                Map.of(
                                        "bootstrap.servers",
                                        kafka.bootstrapServers(),
                                        "auto.offset.reset",
                                        "earliest"),
                                new StringDeserializer(),
                                new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "warm-up", "warm-up")).get();
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            Instant deadline = Instant.now().plusSeconds(30);
            while (consumer.poll(Duration.ofMillis(200)).isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("warm-up record not read back in 30 s");
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM to each, then SIGKILL to any still running after 20 s. */
    private static void stop(Iterable<Process> running) {
        for (Process p : running) {
            p.destroy();
        }
        for (Process p : running) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
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
