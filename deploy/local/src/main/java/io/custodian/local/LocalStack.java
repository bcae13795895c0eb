package io.custodian.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * The local infrastructure in one process, for running the services on a laptop:
 *
 * <ul>
 *   <li>PostgreSQL on {@code 127.0.0.1:$CUSTODIAN_LOCAL_PG_PORT} (default 55432), data in {@code
 *       <data>/postgres}, role {@code custodian}/{@code custodian} owning the databases {@code
 *       custodian_assets} and {@code custodian_notifications};
 *   <li>Kafka on {@code 127.0.0.1:9092}, data in {@code <data>/kafka};
 *   <li>GreenMail SMTP on {@code 127.0.0.1:3025}, its HTTP API on {@code http://127.0.0.1:8083}
 *       (e.g. {@code curl http://127.0.0.1:8083/api/user/ceo@example.com/messages/});
 *   <li>development JWT keys in {@code <data>/jwt} (see {@link DevTokens}).
 * </ul>
 *
 * {@code <data>} is {@code $CUSTODIAN_LOCAL_DATA}, default {@code deploy/local/.data} (relative to
 * the working directory, the repository root). Prints one line starting with {@code LOCAL STACK
 * READY} when everything is up, then blocks; SIGTERM/SIGINT stop everything cleanly (data kept).
 *
 * <pre>
 * java -cp 'deploy/local/target/classes:deploy/local/target/lib/*' io.custodian.local.LocalStack
 * </pre>
 */
public final class LocalStack {

    public static final String READY = "LOCAL STACK READY";
    public static final String USER = "custodian";
    public static final String PASSWORD = "custodian";
    public static final List<String> DATABASES =
            List.of("custodian_assets", "custodian_notifications");

    private static final String HOST = "127.0.0.1";

    private LocalStack() {}

    public static void main(String[] args) throws InterruptedException {
        configureLogging();
        Path data = Path.of(env("CUSTODIAN_LOCAL_DATA", "deploy/local/.data"));
        int pgPort = Integer.parseInt(env("CUSTODIAN_LOCAL_PG_PORT", "55432"));
        int kafkaPort = Integer.parseInt(env("CUSTODIAN_LOCAL_KAFKA_PORT", "9092"));
        int smtpPort = Integer.parseInt(env("CUSTODIAN_LOCAL_SMTP_PORT", "3025"));
        int mailApiPort = Integer.parseInt(env("CUSTODIAN_LOCAL_MAIL_API_PORT", "8083"));
        int imapPort = Integer.parseInt(env("CUSTODIAN_LOCAL_IMAP_PORT", "3143"));

        List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    stopAll(running);
                                    stopped.countDown();
                                },
                                "local-stack-shutdown"));

        long started = System.nanoTime();
        DevTokens tokens = DevTokens.loadOrCreate(data.resolve("jwt"));
        CompletableFuture<Postgres> postgres =
                CompletableFuture.supplyAsync(
                        () -> {
                            Postgres pg = Postgres.start(pgPort, data.resolve("postgres"));
                            running.add(pg);
                            for (String db : DATABASES) {
                                pg.createDatabase(db, USER, PASSWORD);
                            }
                            return pg;
                        });
        CompletableFuture<KafkaBroker> kafka =
                CompletableFuture.supplyAsync(
                        () -> {
                            KafkaBroker broker =
                                    KafkaBroker.start(HOST, kafkaPort, data.resolve("kafka"));
                            running.add(broker);
                            // the events topic and its dead letters, as production provisions them
                            broker.ensureTopics(
                                    3,
                                    "custodian.events",
                                    "custodian.events.dlq",
                                    "custodian.deliveries");
                            return broker;
                        });
        MailSink mail;
        try {
            mail = MailSink.start(smtpPort, mailApiPort, imapPort);
            running.add(mail);
            CompletableFuture.allOf(postgres, kafka).join();
        } catch (RuntimeException e) {
            Throwable cause =
                    e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            System.err.println("LOCAL STACK FAILED: " + cause);
            cause.printStackTrace();
            // let the other start-up finish so that it is stopped, too
            CompletableFuture.allOf(postgres, kafka).exceptionally(t -> null).join();
            System.exit(1);
            return;
        }

        System.out.printf(
                "%s in %d ms: postgres=%s (user %s/%s, databases %s) kafka=%s smtp=%s:%d"
                        + " mail-api=%s imap=%s:%d jwt-public-key=%s%n",
                READY,
                (System.nanoTime() - started) / 1_000_000,
                postgres.join().jdbcUrl("<db>"),
                USER,
                PASSWORD,
                String.join(",", DATABASES),
                kafka.join().bootstrapServers(),
                HOST,
                mail.smtpPort(),
                mail.apiUrl(),
                HOST,
                imapPort,
                tokens.publicKeyFile().toAbsolutePath().normalize());
        System.out.flush();
        stopped.await();
    }

    /** Stops in reverse start order; each failure is reported and does not stop the others. */
    private static void stopAll(List<AutoCloseable> running) {
        List<AutoCloseable> reversed;
        synchronized (running) {
            reversed = new ArrayList<>(running);
            running.clear();
        }
        Collections.reverse(reversed);
        for (AutoCloseable closeable : reversed) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("could not stop " + closeable + ": " + e);
            }
        }
        System.out.println("LOCAL STACK STOPPED");
        System.out.flush();
    }

    /**
     * slf4j-simple (on this module's runtime class path only) reads system properties on first use,
     * so set them before anything logs. Command-line {@code -D} settings win.
     */
    private static void configureLogging() {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.levelInBrackets", "true");
        for (String chatty :
                List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky.test")) {
            setDefault("org.slf4j.simpleLogger.log." + chatty, "warn");
        }
        // initialise slf4j here, not concurrently in the start-up threads (that makes it replay)
        org.slf4j.LoggerFactory.getILoggerFactory();
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
