package io.custodian.asset.imports;

import io.custodian.asset.jobs.ClusterLock;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The import jobs' queue, one job at a time across every replica: whichever replica holds the queue
 * ({@link ClusterLock} {@code imports}) runs the jobs in the order they came, each to its end.
 * Holding the queue, a job still {@code RUNNING} can only be one whose replica died (or restarted)
 * mid-way: it runs again from its file, first. The merge is one transaction, so such a job wrote
 * nothing to the register; one whose file no replica can read, or that was interrupted {@code
 * max-attempts} times, is marked failed. The uploads folder ({@code CUSTODIAN_IMPORTS_DIR}) is
 * therefore one volume shared by the replicas.
 *
 * <p>Woken by each upload, at start, and by a poll, so that a job queued while another replica held
 * the queue, or left behind by a replica that died, is taken up within the poll interval.
 */
@ApplicationScoped
class ImportQueue {

    private static final Logger LOG = Logger.getLogger(ImportQueue.class);

    private final DataSource dataSource;
    private final ImportRunner runner;
    private final ImportJobs jobs;
    private final ImportConfig config;
    private final ClusterLock lock;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "import-worker"));
    private final AtomicBoolean pending = new AtomicBoolean();

    ImportQueue(
            DataSource dataSource,
            ImportRunner runner,
            ImportJobs jobs,
            ImportConfig config,
            ClusterLock lock) {
        this.dataSource = dataSource;
        this.runner = runner;
        this.jobs = jobs;
        this.config = config;
        this.lock = lock;
    }

    /** Jobs a crash or restart interrupted run again, here or on another replica. */
    void start(@Observes StartupEvent start) {
        wake();
    }

    @Scheduled(
            every = "${custodian.imports.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    void stop(@Observes ShutdownEvent stop) {
        worker.shutdownNow();
    }

    /** Ask for the queue to be run; runs never overlap, and a wake during one causes another. */
    void wake() {
        if (!worker.isShutdown() && pending.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                // shutting down: the jobs wait for another replica or the next start
            }
        }
    }

    private void drain() {
        pending.set(false);
        // a replica busy with a long job keeps the queue: it takes this one up when that ends
        lock.runAlone(
                "imports",
                Duration.ofSeconds(2),
                () -> {
                    Set<UUID> tried = new HashSet<>();
                    UUID next;
                    while (!worker.isShutdown() && (next = next()) != null && tried.add(next)) {
                        runner.run(next);
                    }
                });
    }

    /**
     * The next job to run: one left running by a replica that died first, then the oldest queued;
     * one that cannot run (again) is failed on the way. Null when there is none, or the database
     * cannot be asked now (the poll tries again).
     */
    private UUID next() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement(
                                "select id, state, file_path, attempts from import_job where state"
                                        + " in ('QUEUED', 'RUNNING') order by state = 'RUNNING'"
                                        + " desc, submitted_at, id")) {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    boolean interrupted = rs.getString(2).equals("RUNNING");
                    String file = rs.getString(3);
                    int attempts = rs.getInt(4);
                    String failure =
                            file == null || !Files.exists(Path.of(file))
                                    ? "interrupted, and the uploaded file is gone; upload it again"
                                    : attempts >= config.maxAttempts()
                                            ? "interrupted " + attempts + " times; upload it again"
                                            : null;
                    if (failure == null) {
                        if (interrupted) {
                            LOG.infof("import %s: interrupted before, running it again", id);
                        }
                        return id;
                    }
                    jobs.failInterrupted(connection, id, failure);
                }
            }
        } catch (SQLException e) {
            LOG.warn("could not look for import jobs to run; the poll tries again", e);
        }
        return null;
    }
}
