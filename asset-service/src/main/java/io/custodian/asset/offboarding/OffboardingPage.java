package io.custodian.asset.offboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of a list of off-boardings; {@code next} is absent on the last page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OffboardingPage(List<OffboardingView> items, String next) {}
