package io.custodian.local.testing;

import io.custodian.local.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real single-node Kafka broker (KRaft, in the test JVM, free port, temp data) for
 * {@code @QuarkusTest}s: {@code @QuarkusTestResource(KafkaTestResource.class)}.
 *
 * <p>Returns {@code kafka.bootstrap.servers}. Fields annotated {@link InjectKafkaBroker} of type
 * {@link KafkaBroker} receive the broker, e.g. to {@code stop()} and {@code start()} it to simulate
 * an outage (same port and data after the restart). Kafka's own logs are lowered to WARN.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        QuietLogs.kafkaBroker();
        broker = KafkaBroker.start("127.0.0.1", 0, null);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                broker,
                new TestInjector.AnnotatedAndMatchesType(
                        InjectKafkaBroker.class, KafkaBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
