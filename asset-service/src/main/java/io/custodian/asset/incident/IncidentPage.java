package io.custodian.asset.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of a list of incidents; {@code next} is absent on the last page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IncidentPage(List<IncidentView> items, String next) {}
