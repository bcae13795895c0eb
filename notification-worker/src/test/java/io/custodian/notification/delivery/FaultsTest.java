package io.custodian.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which failures are permanent, on the failures themselves: SMTP replies as the Vert.x mail client
 * (the client under Quarkus Mailer) reports them from a real SMTP conversation, and HTTP statuses.
 */
class FaultsTest {

    private Vertx vertx;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @CsvSource({
        "RCPT, 550 5.1.1 No such user, true",
        "RCPT, 553 5.1.3 Mailbox name not allowed, true",
        "DOT, 554 5.7.1 Message rejected as spam, true",
        "DATA, 554 Transaction failed, true",
        "RCPT, 450 4.2.1 Mailbox busy, false",
        "RCPT, 451 4.3.0 Try again later, false",
        "DOT, 421 4.4.2 Closing connection, false",
        "MAIL, 550 5.7.1 Sender not allowed, false",
        "MAIL, 530 5.7.0 Authentication required, false"
    })
    void shouldCallAnSmtpRejectionPermanentOnlyWhen5xxForTheRecipientOrTheMessage(
            String command, String reply, boolean permanent) throws Exception {
        Throwable failure = sendThrough(command, reply);

        assertThat(failure).isInstanceOf(SMTPException.class);
        assertThat(((SMTPException) failure).getReplyCode())
                .isEqualTo(Integer.parseInt(reply.substring(0, 3)));
        assertThat(Faults.isPermanent(failure)).isEqualTo(permanent);
    }

    @Test
    void shouldCallAConnectionFailureTransient() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        Throwable failure = send(port);
        assertThat(failure).isNotNull();
        assertThat(Faults.isPermanent(failure)).isFalse();
    }

    @Test
    void shouldCallAMailThatCannotBeBuiltPermanent() {
        Throwable failure = null;
        try {
            new MailMessage().setSubject("Laptop\nBcc: x@example.com");
        } catch (IllegalArgumentException e) {
            failure = e;
        }
        assertThat(Faults.isPermanent(failure)).isTrue();
        assertThat(Faults.isPermanent(new java.util.concurrent.TimeoutException())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 410, 413, 422})
    void shouldCallAnHttpClientErrorPermanent(int status) {
        assertThat(Faults.isPermanentHttp(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 408, 425, 429, 500, 502, 503, 504})
    void shouldRetryATimeoutThrottlingRedirectOrServerError(int status) {
        assertThat(Faults.isPermanentHttp(status)).isFalse();
    }

    /**
     * A mail through a one-connection SMTP server that answers {@code reply} to {@code command}.
     */
    private Throwable sendThrough(String command, String reply) throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread smtp = new Thread(() -> converse(server, command, reply));
            smtp.setDaemon(true);
            smtp.start();
            return send(server.getLocalPort());
        }
    }

    private Throwable send(int port) throws Exception {
        MailClient client =
                MailClient.create(
                        vertx,
                        new MailConfig()
                                .setHostname("127.0.0.1")
                                .setPort(port)
                                .setKeepAlive(false)
                                .setPipelining(false));
        try {
            client.sendMail(
                            new MailMessage()
                                    .setFrom("custodian@example.com")
                                    .setTo(List.of("ceo@example.com"))
                                    .setSubject("[Custodian] STOLEN")
                                    .setText("text"))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } finally {
            client.close();
        }
    }

    private static void converse(ServerSocket server, String command, String reply) {
        try (Socket socket = server.accept();
                BufferedReader in =
                        new BufferedReader(
                                new InputStreamReader(
                                        socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream()) {
            write(out, "220 test ESMTP");
            boolean data = false;
            String line;
            while ((line = in.readLine()) != null) {
                if (data) {
                    if (line.equals(".")) {
                        data = false;
                        write(out, command.equals("DOT") ? reply : "250 OK");
                    }
                    continue;
                }
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                if (verb.equals("EHLO") || verb.equals("HELO")) {
                    write(out, "250 test");
                } else if (verb.equals("MAIL")) {
                    write(out, command.equals("MAIL") ? reply : "250 OK");
                } else if (verb.equals("RCPT")) {
                    write(out, command.equals("RCPT") ? reply : "250 OK");
                } else if (verb.equals("DATA")) {
                    if (command.equals("DATA")) {
                        write(out, reply);
                    } else {
                        write(out, "354 go ahead");
                        data = true;
                    }
                } else if (verb.equals("QUIT")) {
                    write(out, "221 bye");
                    return;
                } else {
                    write(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
