package io.custodian.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailSinkTest {

    @Test
    void shouldReceiveAMailSentOverSmtpAndFindItByRecipient() throws Exception {
        try (MailSink sink = MailSink.start(0, -1)) {
            assertThat(sink.apiPort()).isEqualTo(-1);
            send(
                    sink.smtpPort(),
                    "ceo@example.com",
                    "it@example.com",
                    "Laptop LAPTOP-1 reported lost");

            List<MimeMessage> toCeo =
                    sink.awaitMessagesTo("CEO@example.com", 1, Duration.ofSeconds(5));
            assertThat(toCeo).hasSize(1);
            assertThat(toCeo.get(0).getSubject()).isEqualTo("Laptop LAPTOP-1 reported lost");
            assertThat(sink.messagesTo("it@example.com")).hasSize(1);
            assertThat(sink.messagesTo("nobody@example.com")).isEmpty();
            assertThat(sink.all()).hasSize(2); // one per mailbox

            sink.reset();
            assertThat(sink.all()).isEmpty();
            assertThat(sink.messagesTo("ceo@example.com")).isEmpty();
        }
    }

    @Test
    void shouldRefuseMailWhileStoppedAndKeepWhatItReceivedAcrossARestartOnTheSamePort()
            throws Exception {
        try (MailSink sink = MailSink.start(0, -1)) {
            int port = sink.smtpPort();
            send(port, "ceo@example.com", null, "before the outage");
            sink.awaitMessagesTo("ceo@example.com", 1, Duration.ofSeconds(5));

            sink.stop();
            assertThat(sink.isRunning()).isFalse();
            assertThatThrownBy(() -> send(port, "ceo@example.com", null, "during the outage"))
                    .isInstanceOf(MessagingException.class);

            sink.start();
            assertThat(sink.isRunning()).isTrue();
            assertThat(sink.smtpPort()).isEqualTo(port);
            send(port, "ceo@example.com", null, "after the outage");

            List<MimeMessage> toCeo =
                    sink.awaitMessagesTo("ceo@example.com", 2, Duration.ofSeconds(5));
            assertThat(toCeo)
                    .extracting(MimeMessage::getSubject)
                    .containsExactly("before the outage", "after the outage");
        }
    }

    @Test
    void shouldServeReceivedMailOverGreenMailsHttpApi() throws Exception {
        try (MailSink sink = MailSink.start(0, 0)) {
            send(sink.smtpPort(), "ceo@example.com", null, "Return of LAPTOP-7 overdue");
            sink.awaitMessagesTo("ceo@example.com", 1, Duration.ofSeconds(5));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> inbox =
                    get(http, sink.apiUrl() + "/api/user/ceo@example.com/messages/INBOX/");
            assertThat(inbox.statusCode()).isEqualTo(200);
            assertThat(inbox.body()).contains("Return of LAPTOP-7 overdue");

            HttpResponse<String> defaultFolder =
                    get(http, sink.apiUrl() + "/api/user/ceo@example.com/messages/");
            assertThat(defaultFolder.statusCode()).isEqualTo(200);
            assertThat(defaultFolder.body()).contains("Return of LAPTOP-7 overdue");

            assertThat(get(http, sink.apiUrl() + "/api/service/readiness").statusCode())
                    .isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void send(int port, String to, String cc, String subject) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("custodian@localhost"));
        message.setRecipients(Message.RecipientType.TO, to);
        if (cc != null) {
            message.setRecipients(Message.RecipientType.CC, cc);
        }
        message.setSubject(subject);
        message.setText("Please check the asset register.");
        Transport.send(message);
    }
}
