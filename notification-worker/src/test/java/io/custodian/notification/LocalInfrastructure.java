package io.custodian.notification;

import io.custodian.local.testing.JwtTestResource;
import io.custodian.local.testing.KafkaTestResource;
import io.custodian.local.testing.MailTestResource;
import io.custodian.local.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real infrastructure every {@code @QuarkusTest} of this module runs against (one instance for
 * the whole run): PostgreSQL, a KRaft Kafka broker, a GreenMail SMTP sink and the development JWT
 * keys, from deploy/local; and WireMock as the chat and webhook receivers.
 */
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "custodian_notifications"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MailTestResource.class)
@QuarkusTestResource(ReceiversTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
public final class LocalInfrastructure {

    private LocalInfrastructure() {}
}
