package io.custodian.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.custodian.notification.NotificationConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The routing contract on plain SmallRye Config (no Quarkus): the worker's own
 * application.properties in the default and the prod profile, and what stops the worker at start.
 */
class RoutingTest {

    /** A webhook secret of the length the worker requires (32 bytes). */
    private static final String SECRET = "s3cret-0123456789abcdef0123456789";

    /** Every host resolves to one public address (no DNS needed). */
    private static final TargetAddresses.Resolver PUBLIC =
            host -> new InetAddress[] {InetAddress.getByName("203.0.113.10")};

    private static final Map<String, String> PARTIES =
            Map.of("owner", "platform@example.com", "holder", "ada@example.com");

    @Test
    void shouldRouteTheIncidentToLeadershipAndTheOwnerOnlyByMailWhenNoUrlIsSet()
            throws IOException {
        Routing routing = new Routing(config(null, Map.of()));

        assertThat(routing.targets("asset.incident.reported", PARTIES))
                .containsExactly(
                        new Target("email", "ceo@example.com"),
                        new Target("email", "cto@example.com"),
                        new Target("email", "platform@example.com"));
        assertThat(routing.targets("asset.verification.due", PARTIES))
                .containsExactly(
                        new Target("email", "ada@example.com"),
                        new Target("email", "platform@example.com"));
        assertThat(routing.targets("asset.verification.due", Map.of("owner", "team@example.com")))
                .containsExactly(new Target("email", "team@example.com"));
        assertThat(routing.targets("asset.future.event", PARTIES)).isEmpty();
    }

    @Test
    void shouldAddChatAndWebhookInProductionWhenTheirUrlsComeFromTheEnvironment()
            throws IOException {
        Routing routing =
                new Routing(
                        config(
                                "prod",
                                Map.of(
                                        "CUSTODIAN_RECIPIENTS_CEO",
                                        "boss@corp.example",
                                        "CUSTODIAN_RECIPIENTS_CTO",
                                        "tech@corp.example",
                                        "CUSTODIAN_RECIPIENTS_IT",
                                        "it@corp.example",
                                        "CUSTODIAN_CHAT_LEADERSHIP_URL",
                                        "https://hooks.slack.example/services/T/B/x",
                                        "CUSTODIAN_WEBHOOKS_SIEM_URL",
                                        "https://siem.corp.example/hooks",
                                        "CUSTODIAN_WEBHOOKS_SIEM_SECRET",
                                        SECRET)),
                        PUBLIC);

        assertThat(routing.targets("asset.incident.reported", PARTIES))
                .containsExactly(
                        new Target("email", "boss@corp.example"),
                        new Target("email", "tech@corp.example"),
                        new Target("email", "platform@example.com"),
                        new Target("chat", "leadership"),
                        new Target("webhook", "siem"));
        assertThat(routing.targets("offboarding.started", Map.of("person", "leaver@corp.example")))
                .containsExactly(
                        new Target("email", "leaver@corp.example"),
                        new Target("email", "it@corp.example"));
    }

    @Test
    void shouldAlertAnAddressOnceWhenAPartyIsAlsoANamedRecipient() throws IOException {
        Routing routing = new Routing(config(null, Map.of()));

        assertThat(routing.targets("asset.incident.reported", Map.of("owner", "CEO@example.com")))
                .containsExactly(
                        new Target("email", "ceo@example.com"),
                        new Target("email", "cto@example.com"));
    }

    @Test
    void shouldRefuseToStartOnUnknownNames() {
        assertThatThrownBy(
                        () ->
                                new Routing(
                                        config(
                                                Map.of(
                                                        "custodian.recipients.ceo",
                                                        "ceo@example.com",
                                                        "custodian.routing.\"t\".email",
                                                        "ceo,nobody",
                                                        "custodian.routing.\"t\".chat",
                                                        "ops",
                                                        "custodian.routing.\"t\".webhook",
                                                        "siem"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "custodian.routing.\"t\".email: nobody is neither a custodian.recipients"
                                + " entry nor an event party")
                .hasMessageContaining("custodian.routing.\"t\".chat: no custodian.chat.ops.url")
                .hasMessageContaining(
                        "custodian.routing.\"t\".webhook: no custodian.webhooks.siem.url");
    }

    @Test
    void shouldRefuseAWebhookSecretShorterThan32BytesWithoutShowingIt() {
        assertThatThrownBy(
                        () ->
                                new Routing(
                                        config(
                                                Map.of(
                                                        "custodian.webhooks.siem.url",
                                                        "https://siem.example/hooks",
                                                        "custodian.webhooks.siem.secret",
                                                        "s3cr3t-of-31-bytes-0123456789ab",
                                                        "custodian.routing.\"t\".webhook",
                                                        "siem"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "custodian.webhooks.siem.secret is too short: 31 bytes, at least 32")
                .message()
                .doesNotContain("s3cr3t");
    }

    @Test
    void shouldRefuseAWebhookWithoutSecretAndPlainHttpBeyondThisMachine() {
        assertThatThrownBy(
                        () ->
                                new Routing(
                                        config(
                                                Map.of(
                                                        "custodian.webhooks.siem.url",
                                                        "http://siem.corp.example/hooks?token=abc",
                                                        "custodian.chat.ops.url",
                                                        "ftp://chat.example/x",
                                                        "custodian.routing.\"t\".webhook",
                                                        "siem",
                                                        "custodian.routing.\"t\".chat",
                                                        "ops"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("custodian.webhooks.siem.secret is required with a URL")
                .hasMessageContaining(
                        "custodian.webhooks.siem.url: must be https (plain http only to"
                                + " localhost), not http to siem.corp.example")
                .hasMessageContaining("custodian.chat.ops.url: not an absolute http(s) URL")
                .message()
                .doesNotContain("token=abc");
    }

    @Test
    void shouldAcceptPlainHttpToThisMachineWhenPrivateTargetsAreAllowed() {
        Routing routing =
                new Routing(
                        config(
                                Map.of(
                                        "custodian.delivery.allow-private-targets",
                                        "true",
                                        "custodian.webhooks.siem.url",
                                        "http://127.0.0.1:8089/hooks",
                                        "custodian.webhooks.siem.secret",
                                        SECRET,
                                        "custodian.chat.ops.url",
                                        "http://localhost:8089/chat",
                                        "custodian.routing.\"t\".webhook",
                                        "siem",
                                        "custodian.routing.\"t\".chat",
                                        "ops")));

        assertThat(routing.targets("t", Map.of()))
                .containsExactly(new Target("chat", "ops"), new Target("webhook", "siem"));
    }

    @Test
    void shouldRefuseToStartInProductionOnATargetThatResolvesToAnInternalAddress()
            throws IOException {
        TargetAddresses.Resolver dns =
                host ->
                        switch (host) {
                            case "hooks.slack.example" ->
                                    new InetAddress[] {InetAddress.getByName("203.0.113.10")};
                            // one public and one private address: every address is checked
                            case "siem.corp.example" ->
                                    new InetAddress[] {
                                        InetAddress.getByName("198.51.100.7"),
                                        InetAddress.getByName("10.1.2.3")
                                    };
                            default -> InetAddress.getAllByName(host);
                        };
        assertThatThrownBy(
                        () ->
                                new Routing(
                                        config(
                                                "prod",
                                                Map.of(
                                                        "CUSTODIAN_RECIPIENTS_CEO",
                                                        "boss@corp.example",
                                                        "CUSTODIAN_RECIPIENTS_CTO",
                                                        "tech@corp.example",
                                                        "CUSTODIAN_RECIPIENTS_IT",
                                                        "it@corp.example",
                                                        "CUSTODIAN_CHAT_LEADERSHIP_URL",
                                                        "https://169.254.169.254/latest/meta-data",
                                                        "CUSTODIAN_WEBHOOKS_SIEM_URL",
                                                        "https://siem.corp.example/hooks?k=abc",
                                                        "CUSTODIAN_WEBHOOKS_SIEM_SECRET",
                                                        SECRET)),
                                        dns))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "custodian.chat.leadership.url: host 169.254.169.254 resolves to"
                                + " 169.254.169.254, a link-local (cloud metadata) address")
                .hasMessageContaining(
                        "custodian.webhooks.siem.url: host siem.corp.example resolves to 10.1.2.3,"
                                + " a private address (allowed only with"
                                + " custodian.delivery.allow-private-targets=true)")
                .message()
                .doesNotContain("k=abc")
                .doesNotContain("meta-data");
    }

    @Test
    void shouldRefuseLoopbackInProductionUnlessPrivateTargetsAreAllowed() throws IOException {
        Map<String, String> env =
                Map.of(
                        "CUSTODIAN_RECIPIENTS_CEO",
                        "boss@corp.example",
                        "CUSTODIAN_RECIPIENTS_CTO",
                        "tech@corp.example",
                        "CUSTODIAN_RECIPIENTS_IT",
                        "it@corp.example",
                        "CUSTODIAN_WEBHOOKS_SIEM_URL",
                        "http://127.0.0.1:8089/hooks",
                        "CUSTODIAN_WEBHOOKS_SIEM_SECRET",
                        SECRET);
        assertThatThrownBy(() -> new Routing(config("prod", env)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "custodian.webhooks.siem.url: host 127.0.0.1 resolves to 127.0.0.1, a"
                                + " loopback address");

        Map<String, String> allowed = new java.util.HashMap<>(env);
        allowed.put("CUSTODIAN_DELIVERY_ALLOW_PRIVATE_TARGETS", "true");
        assertThat(new Routing(config("prod", allowed)).targets("asset.incident.reported", PARTIES))
                .contains(new Target("webhook", "siem"));
    }

    /** The worker's application.properties in a profile, with these environment variables. */
    private static NotificationConfig config(String profile, Map<String, String> env)
            throws IOException {
        URL properties = RoutingTest.class.getClassLoader().getResource("application.properties");
        SmallRyeConfigBuilder builder =
                new SmallRyeConfigBuilder()
                        .addDefaultInterceptors()
                        .withConverter(Duration.class, 200, new DurationConverter())
                        .withMapping(NotificationConfig.class)
                        .withSources(new PropertiesConfigSource(properties, 250))
                        .withSources(new EnvConfigSource(env, 300));
        if (profile != null) {
            builder.withProfile(profile);
        }
        return builder.build().getConfigMapping(NotificationConfig.class);
    }

    /** Only these properties. */
    private static NotificationConfig config(Map<String, String> properties) {
        SmallRyeConfig config =
                new SmallRyeConfigBuilder()
                        .addDefaultInterceptors()
                        .withConverter(Duration.class, 200, new DurationConverter())
                        .withMapping(NotificationConfig.class)
                        .withSources(new PropertiesConfigSource(properties, "test", 250))
                        .build();
        return config.getConfigMapping(NotificationConfig.class);
    }
}
