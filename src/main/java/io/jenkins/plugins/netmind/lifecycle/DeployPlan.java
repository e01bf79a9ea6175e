package io.jenkins.plugins.netmind.lifecycle;

import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URI;

/**
 * What a deploy would create, resolved without creating anything (a dry run): the name, the flavor chosen by id or by
 * GPU name and region, its capacity left and the price.
 *
 * @param name the endpoint name a deploy would use (a generated name is generated afresh by each deploy)
 * @param apiUrl the NetMind API base URL asked
 * @param flavorId the flavor chosen
 * @param flavorName the flavor's GPU display name
 * @param region the flavor's region, null when NetMind gives none
 * @param capacityLeft how many instances of the flavor NetMind can still start ({@code available_num})
 * @param nodeMaxGpu the most GPUs one node of the flavor has
 * @param instances the instance count asked
 * @param gpuCount GPUs per instance asked
 * @param pricePerHour the price of one instance for one hour in {@code paymentType}, null when NetMind gives none
 * @param paymentType NetMind's payment type
 * @param capacity what this controller holds against its limits now (capacity guard), null without a guard
 * @param waitsForCapacity whether a deploy now would wait in the capacity queue
 */
public record DeployPlan(
        String name,
        URI apiUrl,
        String flavorId,
        String flavorName,
        String region,
        int capacityLeft,
        int nodeMaxGpu,
        int instances,
        int gpuCount,
        BigDecimal pricePerHour,
        String paymentType,
        CapacityGuard.Usage capacity,
        boolean waitsForCapacity)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A plan without a capacity guard. */
    public DeployPlan(
            String name,
            URI apiUrl,
            String flavorId,
            String flavorName,
            String region,
            int capacityLeft,
            int nodeMaxGpu,
            int instances,
            int gpuCount,
            BigDecimal pricePerHour,
            String paymentType) {
        this(
                name,
                apiUrl,
                flavorId,
                flavorName,
                region,
                capacityLeft,
                nodeMaxGpu,
                instances,
                gpuCount,
                pricePerHour,
                paymentType,
                null,
                false);
    }

    /** The price of all instances for one hour, null when unknown. */
    public BigDecimal totalPerHour() {
        return pricePerHour == null ? null : pricePerHour.multiply(BigDecimal.valueOf(instances));
    }
}
