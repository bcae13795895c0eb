package io.custodian.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node Apache Kafka broker in KRaft combined mode ({@code
 * process.roles=broker,controller}), running in this JVM: the real {@link KafkaRaftServer} of
 * {@code kafka_2.13}, nothing mocked.
 *
 * <p>The storage is formatted programmatically ({@link Formatter}, the class behind {@code
 * kafka-storage.sh format}) the first time a data directory is used; later starts reuse it. The
 * broker listens on {@code host:port} (PLAINTEXT), the controller on {@code 127.0.0.1} and a second
 * port picked once. Both ports stay the same across {@link #stop()} / {@link #start()}, so clients
 * reconnect to the same address after a simulated outage.
 *
 * <p>Tuned for a laptop or a test JVM: replication factors 1, {@code num.partitions=3}, small
 * internal topics, {@code group.initial.rebalance.delay.ms=0}, a small log-cleaner buffer. Logging
 * goes through slf4j; callers decide the levels ({@code kafka}, {@code org.apache.kafka} and {@code
 * state.change.logger} are chatty at INFO).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final String host;
    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private KafkaRaftServer server;
    private boolean closed;

    private KafkaBroker(
            String host, int port, int controllerPort, Path dataDir, boolean deleteOnClose) {
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.deleteDataDirOnClose = deleteOnClose;
    }

    /**
     * Formats {@code dataDir} if needed and starts the broker.
     *
     * @param host the address to listen on and to advertise, e.g. {@code 127.0.0.1}
     * @param port the client port; 0 picks a free one once (kept across {@link #stop()}/{@link
     *     #start()})
     * @param dataDir where the logs and the KRaft metadata live; {@code null} = a temp directory,
     *     deleted by {@link #close()}. A given directory is kept.
     */
    public static KafkaBroker start(String host, int port, Path dataDir) {
        try {
            boolean temp = dataDir == null;
            Path dir = temp ? Files.createTempDirectory("custodian-kafka-") : dataDir;
            Files.createDirectories(dir);
            int brokerPort = port == 0 ? freePort() : port;
            int controllerPort = freePortOtherThan(brokerPort);
            KafkaBroker broker = new KafkaBroker(host, brokerPort, controllerPort, dir, temp);
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code host:port}, for {@code bootstrap.servers}. */
    /**
     * Creates the topics that do not exist yet, so that consumers find them at once instead of
     * waiting for the first producer to auto-create them.
     */
    public void ensureTopics(int partitions, String... names) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            java.util.Set<String> existing = admin.listTopics().names().get();
            java.util.List<NewTopic> missing =
                    java.util.Arrays.stream(names)
                            .filter(name -> !existing.contains(name))
                            .map(name -> new NewTopic(name, partitions, (short) 1))
                            .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(
                    "Could not create topics " + String.join(", ", names), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Starts the broker (again) on the same ports and data. Returns once the broker accepts
     * connections. No-op when running.
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (server != null) {
            return;
        }
        Properties props = serverProperties();
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        formatIfNeeded();
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            raftServer.shutdown();
            raftServer.awaitShutdown();
            throw e;
        }
        server = raftServer;
        awaitListening();
    }

    /** Shuts the broker down and waits for it; the data is kept. No-op when stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }

    /** Stops the broker; deletes the data directory if it was a temp directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (deleteDataDirOnClose) {
            Files2.deleteRecursively(dataDir);
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", data=" + dataDir + "]";
    }

    private Path logDir() {
        return dataDir.resolve("kraft-combined-logs");
    }

    private Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir().toAbsolutePath().toString());

        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");

        // light on a 2-core laptop / test JVM
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        return p;
    }

    private void formatIfNeeded() {
        if (Files.exists(logDir().resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir());
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream(), true, "UTF-8"))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir().toAbsolutePath().toString())
                    .addDirectory(logDir().toAbsolutePath().toString())
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka storage in " + logDir(), e);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getByName(host), port), 500);
                return;
            } catch (IOException e) {
                sleep(50);
            }
        }
        throw new IllegalStateException("Kafka did not listen on " + bootstrapServers());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePortOtherThan(int port) {
        int candidate = freePort();
        while (candidate == port) {
            candidate = freePort();
        }
        return candidate;
    }
}
