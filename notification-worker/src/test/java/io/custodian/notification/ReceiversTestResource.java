package io.custodian.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A WireMock server on a free port standing in for the chat workspace (a Slack-compatible incoming
 * webhook at {@link #CHAT_PATH}) and the SIEM's webhook receiver ({@link #WEBHOOK_PATH}); both
 * answer 200 unless a test stubs otherwise (tests match their own event id or asset tag with a
 * higher priority, so they don't disturb each other). The worker is configured as in production:
 * the target URLs and the webhook secret are plain configuration values.
 */
public class ReceiversTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String CHAT_PATH = "/services/T000/B000/leadership";
    public static final String WEBHOOK_PATH = "/siem/custodian-events";
    public static final String WEBHOOK_SECRET = "test-webhook-secret-0123456789abcdef";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        defaults(server);
        String base = "http://127.0.0.1:" + server.port();
        return Map.of(
                "custodian.chat.leadership.url", base + CHAT_PATH,
                "custodian.webhooks.siem.url", base + WEBHOOK_PATH,
                "custodian.webhooks.siem.secret", WEBHOOK_SECRET);
    }

    /** The default answers: Slack's {@code 200 ok}, and {@code 204} from the SIEM. */
    public static void defaults(WireMockServer server) {
        server.stubFor(
                post(urlPathEqualTo(CHAT_PATH))
                        .atPriority(10)
                        .willReturn(aResponse().withStatus(200).withBody("ok")));
        server.stubFor(
                post(urlPathEqualTo(WEBHOOK_PATH))
                        .atPriority(10)
                        .willReturn(aResponse().withStatus(204)));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                server,
                new TestInjector.AnnotatedAndMatchesType(
                        InjectReceivers.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
