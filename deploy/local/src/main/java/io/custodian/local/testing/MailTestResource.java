package io.custodian.local.testing;

import io.custodian.local.MailSink;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A GreenMail SMTP sink on a free port for {@code @QuarkusTest}s, with Quarkus Mailer pointed at it
 * (real SMTP, mock off). Fields annotated {@link InjectMailSink} of type {@link MailSink} receive
 * it: {@code messagesTo(address)}, {@code awaitMessagesTo(...)}, {@code reset()}.
 *
 * <p>{@code keep-alive=false}: a fresh SMTP connection per mail avoided a flaky {@code 421} after
 * sink restarts (costs ~40 ms per mail; production keeps the pooled default).
 */
public class MailTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String FROM = "custodian@localhost";

    private MailSink sink;

    @Override
    public Map<String, String> start() {
        sink = MailSink.start(0, -1);
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(sink.smtpPort()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.keep-alive", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.from", FROM);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                sink,
                new TestInjector.AnnotatedAndMatchesType(InjectMailSink.class, MailSink.class));
    }

    @Override
    public void stop() {
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }
}
