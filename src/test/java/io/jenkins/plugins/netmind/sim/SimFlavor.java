package io.jenkins.plugins.netmind.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * A flavor the simulator offers.
 *
 * @param availableNum capacity left: a create asking for more instances answers 400
 */
public record SimFlavor(
        String flavorId,
        String displayName,
        String clusterFlavorId,
        String region,
        BigDecimal cnyPriceUnit,
        BigDecimal usdPriceUnit,
        BigDecimal nmtPriceUnit,
        int availableNum,
        int nodeMaxGpu,
        String vram) {

    /** The seed's two RTX 4090 flavors (regions {@code cn} and {@code other}), an A100 and an H100. */
    public static List<SimFlavor> defaults() {
        return List.of(
                new SimFlavor(
                        "69475e82e81c4dd6be3467e2ca374e0c",
                        "NVIDIA_GeForce_RTX_4090",
                        "US_01_4090",
                        "cn",
                        new BigDecimal("2.2"),
                        new BigDecimal("0.3"),
                        new BigDecimal("0.147164"),
                        4,
                        2,
                        "24GB"),
                new SimFlavor(
                        "7b2f36d30e0743debc6c60d5017e2d16",
                        "NVIDIA_GeForce_RTX_4090",
                        "US_01_4090",
                        "other",
                        new BigDecimal("2.2"),
                        new BigDecimal("0.3"),
                        new BigDecimal("0.147164"),
                        4,
                        2,
                        "24GB"),
                new SimFlavor(
                        "a100a100a100a100a100a100a100a100",
                        "NVIDIA_A100_80GB",
                        "US_02_A100",
                        "other",
                        new BigDecimal("9.5"),
                        new BigDecimal("1.3"),
                        new BigDecimal("0.637711"),
                        2,
                        8,
                        "80GB"),
                new SimFlavor(
                        "h100h100h100h100h100h100h100h100",
                        "NVIDIA_H100_80GB",
                        "US_03_H100",
                        "other",
                        new BigDecimal("17.9"),
                        new BigDecimal("2.49"),
                        new BigDecimal("1.221466"),
                        0,
                        8,
                        "80GB"));
    }

    /** The flavor as NetMind lists it. */
    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("flavor_id", flavorId);
        node.put("display_name", displayName);
        node.put("cluster_id", "1");
        node.put("cluster_flavor_id", clusterFlavorId);
        ObjectNode meta = node.putObject("meta_info");
        meta.put("cuda", "12.0");
        meta.put("region", region);
        ObjectNode billing = node.putObject("billing");
        billing.put("cny_price_unit", cnyPriceUnit);
        billing.put("usd_price_unit", usdPriceUnit);
        billing.put("nmt_price_unit", nmtPriceUnit);
        node.put("created_at", "2024-11-13 09:00:19");
        node.put("updated_at", "2024-11-13 09:00:19");
        node.putNull("deleted_at");
        node.put("is_deleted", false);
        node.put("available_num", availableNum);
        node.put("node_max_gpu", nodeMaxGpu);
        return node;
    }

    BigDecimal price(String paymentType) {
        return switch (paymentType) {
            case "cny" -> cnyPriceUnit;
            case "nmt" -> nmtPriceUnit;
            default -> usdPriceUnit;
        };
    }
}
