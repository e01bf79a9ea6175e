package io.jenkins.plugins.netmind.lifecycle;

import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;

/**
 * A deployed endpoint, ready to be used.
 *
 * @param serviceId NetMind's service id
 * @param name the endpoint name
 * @param url the endpoint URL
 * @param urlKey where in {@code endpoint_metadata} the URL was found
 * @param flavorId the flavor it runs on
 * @param flavorName the flavor's GPU display name
 * @param instances the instance count
 * @param pricePerHour the price of one instance for one hour in {@code paymentType}, null when unknown
 * @param paymentType NetMind's payment type
 * @param createdAt when NetMind answered the create
 * @param availableAt when the engine saw the endpoint available
 * @param region the flavor's region, null when unknown (after a restart)
 */
public record DeployResult(
        String serviceId,
        String name,
        URI url,
        String urlKey,
        String flavorId,
        String flavorName,
        int instances,
        BigDecimal pricePerHour,
        String paymentType,
        Instant createdAt,
        Instant availableAt,
        String region)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
