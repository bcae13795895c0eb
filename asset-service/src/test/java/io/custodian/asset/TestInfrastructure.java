package io.custodian.asset;

import io.custodian.local.testing.JwtTestResource;
import io.custodian.local.testing.KafkaTestResource;
import io.custodian.local.testing.OidcTestResource;
import io.custodian.local.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this module runs against real infrastructure from deploy/local: PostgreSQL, a KRaft
 * Kafka broker, a JWT key pair, and the OpenID Connect provider the console signs in through.
 * Declared once, here, for all tests.
 */
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "custodian_assets"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(OidcTestResource.class)
public class TestInfrastructure {}
