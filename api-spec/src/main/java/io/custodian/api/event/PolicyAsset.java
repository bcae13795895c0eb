package io.custodian.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** An asset as the {@code policy.*} events name it: enough to recognise it in an alert. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyAsset(
        UUID id, String assetTag, String name, String category, String classification) {}
