package io.custodian.local;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.List;

/**
 * An SMTP sink: a real GreenMail SMTP server on {@code 127.0.0.1:<smtpPort>} that accepts every
 * mail (no authentication; a mailbox is created for every recipient on delivery) and keeps it in
 * memory.
 *
 * <p>Optionally GreenMail's own REST API (the one of {@code greenmail-standalone} 2.1.3) serves the
 * received mail over HTTP on {@code 127.0.0.1:<apiPort>}, for a person to read with curl:
 *
 * <pre>
 * curl http://127.0.0.1:8083/api/user/ceo@example.com/messages/INBOX/   # the user's INBOX
 * curl http://127.0.0.1:8083/api/user/ceo@example.com/messages/         # same (default folder)
 * curl http://127.0.0.1:8083/api/user                                   # mailboxes so far
 * curl -X POST http://127.0.0.1:8083/api/mail/purge                     # delete all mail
 * curl http://127.0.0.1:8083/api/service/readiness                      # 200 when up
 * </pre>
 *
 * The messages answer is a JSON array, one object per mail: {@code uid}, {@code Message-ID}, {@code
 * subject}, {@code contentType} and {@code mimeMessage} (the raw RFC 822 source). An address that
 * never received mail answers 400 {@code {"message":"User '...' not found"}}. The trailing slash is
 * optional. The API is loaded from the {@code greenmail-standalone} jar in a class loader of its
 * own, because that jar is shaded with unrelocated slf4j 1.7, log4j, Jackson and Jersey; see {@link
 * GreenMailApi} for where the jar is looked up.
 *
 * <p>{@link #stop()} and {@link #start()} simulate an outage of the mail server: the ports stop
 * listening (connections are refused, open ones are closed) and later listen again on the same
 * ports; the mail received so far is kept across the outage.
 */
public final class MailSink implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;
    private final int smtpPort;
    private final GreenMailApi api;
    // GreenMail.isRunning() answers true once stopped (it checks each of no services)
    private boolean running = true;

    private MailSink(GreenMail greenMail, int smtpPort, GreenMailApi api) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.api = api;
    }

    /**
     * Starts the SMTP server and, if {@code apiPortOrMinus1 >= 0}, GreenMail's HTTP API.
     *
     * @param smtpPort the SMTP port; 0 picks a free one
     * @param apiPortOrMinus1 the HTTP API port; 0 picks a free one; -1 = no API
     */
    public static MailSink start(int smtpPort, int apiPortOrMinus1) {
        return start(smtpPort, apiPortOrMinus1, -1);
    }

    /**
     * As {@link #start(int, int)}, plus an IMAP server when {@code imapPortOrMinus1 >= 0}: log in
     * as the recipient's address with any password (authentication is off) to watch a mailbox, as
     * the latency benchmark in deploy/load does.
     */
    public static MailSink start(int smtpPort, int apiPortOrMinus1, int imapPortOrMinus1) {
        int port = smtpPort == 0 ? KafkaBroker.freePort() : smtpPort;
        ServerSetup smtp = new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP);
        ServerSetup[] setups =
                imapPortOrMinus1 < 0
                        ? new ServerSetup[] {smtp}
                        : new ServerSetup[] {
                            smtp,
                            new ServerSetup(
                                    imapPortOrMinus1 == 0
                                            ? KafkaBroker.freePort()
                                            : imapPortOrMinus1,
                                    HOST,
                                    ServerSetup.PROTOCOL_IMAP)
                        };
        GreenMailConfiguration config =
                GreenMailConfiguration.aConfig().withDisabledAuthentication();
        GreenMail greenMail = new RestartableGreenMail(setups);
        greenMail.withConfiguration(config);
        greenMail.start();
        GreenMailApi api = null;
        if (apiPortOrMinus1 >= 0) {
            int apiPort = apiPortOrMinus1 == 0 ? KafkaBroker.freePort() : apiPortOrMinus1;
            try {
                api = GreenMailApi.start(greenMail, setups, config, HOST, apiPort);
            } catch (RuntimeException e) {
                greenMail.stop();
                throw e;
            }
        }
        return new MailSink(greenMail, port, api);
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** The HTTP API port, or -1 when started without the API. */
    public int apiPort() {
        return api == null ? -1 : api.port();
    }

    /** E.g. {@code http://127.0.0.1:8083}, or {@code null} when started without the API. */
    public String apiUrl() {
        return api == null ? null : "http://" + HOST + ":" + api.port();
    }

    /**
     * The messages delivered to {@code address} (its mailbox: To, Cc and Bcc recipients alike),
     * oldest first. Case-insensitive; empty for an address that never received mail.
     */
    public List<MimeMessage> messagesTo(String address) {
        // GreenMail's mailboxes are plain lists: reading one while a mail is being delivered to it
        // can fail; the read is simply repeated
        for (int attempt = 1; ; attempt++) {
            try {
                return greenMail
                        .findReceivedMessages(
                                user -> address.equalsIgnoreCase(user.getEmail()), message -> true)
                        .toList();
            } catch (ConcurrentModificationException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * Waits until {@code address} has at least {@code count} messages, then returns them all (may
     * be fewer when the timeout passes).
     */
    public List<MimeMessage> awaitMessagesTo(String address, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> messages = messagesTo(address);
        while (messages.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            messages = messagesTo(address);
        }
        return messages;
    }

    /** Every delivered message; a mail to n recipients appears n times (once per mailbox). */
    public List<MimeMessage> all() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** Deletes all received mail (the mailboxes stay). */
    public void reset() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the mail ports listen (false between {@link #stop()} and {@link #start()}). */
    public synchronized boolean isRunning() {
        return running;
    }

    /**
     * Stops the SMTP (and IMAP) server, as in an outage: the ports refuse connections and open
     * connections are closed. The mail received so far is kept. No-op when stopped.
     */
    public synchronized void stop() {
        if (running) {
            greenMail.stop();
            running = false;
        }
    }

    /** Listens again on the same ports, with the mail received so far. No-op when running. */
    public synchronized void start() {
        if (!running) {
            greenMail.start();
            running = true;
        }
    }

    /** The underlying GreenMail, for anything not covered here. */
    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        try {
            if (api != null) {
                api.close();
            }
        } finally {
            greenMail.stop();
        }
    }

    /**
     * A GreenMail whose {@link #stop()} keeps the mailboxes: plain GreenMail replaces its managers
     * (users and stored mail) on stop, so a restart would lose what was received before.
     */
    private static final class RestartableGreenMail extends GreenMail {

        RestartableGreenMail(ServerSetup[] setups) {
            super(setups);
        }

        @Override
        public synchronized void stop() {
            Managers kept = managers;
            super.stop();
            managers = kept;
        }
    }

    @Override
    public String toString() {
        return "MailSink[smtp "
                + HOST
                + ":"
                + smtpPort
                + (api == null ? "" : ", " + apiUrl())
                + "]";
    }
}
