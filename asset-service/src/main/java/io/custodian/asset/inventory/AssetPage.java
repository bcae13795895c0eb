package io.custodian.asset.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a list of assets; {@code next} is absent on the last page, {@code prev} on the first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AssetPage(List<AssetView> items, String next, String prev) {}
