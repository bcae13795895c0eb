package io.custodian.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** A chat or webhook failure never carries the target's path or query into logs or deliveries. */
class HttpAnswersTest {

    @Test
    void shouldDropTheIncomingWebhookPathAndQueryFromAFailure() {
        URI url = URI.create("https://hooks.slack.example/services/T000/B000/XXXXsecret?token=abc");
        Throwable timeout =
                new TimeoutException(
                        "The timeout period of 5000ms has been exceeded while executing POST"
                                + " /services/T000/B000/XXXXsecret?token=abc for server"
                                + " hooks.slack.example:443");

        String text = String.valueOf(HttpAnswers.redacted(timeout, url));

        assertThat(text)
                .contains("hooks.slack.example:443")
                .doesNotContain("XXXXsecret")
                .doesNotContain("token=abc");
    }

    @Test
    void shouldKeepAnAnswerItAlreadyDescribed() {
        Throwable answered = new HttpAnswers.NotAcceptedException("chat target ops answered 503");
        assertThat(HttpAnswers.redacted(answered, URI.create("https://x.example/a/b")))
                .isSameAs(answered);
    }
}
