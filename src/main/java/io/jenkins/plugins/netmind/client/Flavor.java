package io.jenkins.plugins.netmind.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * A GPU flavor NetMind offers, as listed by {@code GET /v1/inference-service/flavor}.
 *
 * @param availableNum capacity left ({@code available_num})
 * @param nodeMaxGpu the most GPUs one node of this flavor has ({@code node_max_gpu})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Flavor(
        @JsonProperty("flavor_id") String flavorId,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("cluster_id") String clusterId,
        @JsonProperty("cluster_flavor_id") String clusterFlavorId,
        @JsonProperty("meta_info") MetaInfo metaInfo,
        @JsonProperty("billing") Billing billing,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("deleted_at") String deletedAt,
        @JsonProperty("is_deleted") boolean deleted,

        @JsonProperty("available_num") @JsonDeserialize(using = LenientIntDeserializer.Primitive.class)
        int availableNum,

        @JsonProperty("node_max_gpu") @JsonDeserialize(using = LenientIntDeserializer.Primitive.class)
        int nodeMaxGpu) {

    /** Replaces missing nested objects by empty ones. */
    public Flavor {
        metaInfo = metaInfo == null ? new MetaInfo(null, null) : metaInfo;
        billing = billing == null ? new Billing(null, null, null) : billing;
    }

    /** The price per instance and hour in the currency of {@code paymentType} ({@code usd}, {@code cny}, {@code nmt}). */
    public Optional<BigDecimal> price(String paymentType) {
        if (paymentType == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (paymentType.trim().toLowerCase(Locale.ROOT)) {
                    case "usd" -> billing.usdPriceUnit();
                    case "cny" -> billing.cnyPriceUnit();
                    case "nmt" -> billing.nmtPriceUnit();
                    default -> null;
                });
    }

    /** The region ({@code meta_info.region}), or null. */
    public String region() {
        return metaInfo.region();
    }

    /** {@code meta_info}: CUDA version and region ({@code cn}, {@code other}, ...). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MetaInfo(
            @JsonProperty("cuda") String cuda,
            @JsonProperty("region") String region) {}

    /** {@code billing}: the price per instance and hour in each currency. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Billing(
            @JsonProperty("cny_price_unit") BigDecimal cnyPriceUnit,
            @JsonProperty("usd_price_unit") BigDecimal usdPriceUnit,
            @JsonProperty("nmt_price_unit") BigDecimal nmtPriceUnit) {}
}
