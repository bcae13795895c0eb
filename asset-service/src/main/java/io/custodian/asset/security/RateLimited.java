package io.custodian.asset.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A report endpoint (incident, violation, exception request): each client may call the endpoints so
 * marked at most {@code custodian.security.report-rate.limit} times per {@code period}, together;
 * beyond that 429 with {@code Retry-After}. See {@link ReportRateLimit}.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {}
