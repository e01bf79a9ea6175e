package io.jenkins.plugins.netmind.lifecycle;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What {@link EndpointEngine#resume} needs to re-arm a deploy's wait after a restart. Small and serializable; holds no
 * secret.
 *
 * @param name the endpoint name
 * @param serviceId the service id, null when the create had not been answered yet
 * @param deadline when the deploy times out
 * @param readinessPath the readiness path, or null
 * @param sendTokenToEndpoint whether the readiness probe sends the token
 * @param flavorId the flavor id, null before it was resolved
 * @param flavorName the flavor's GPU display name
 * @param pricePerHour the price of one instance for one hour, or null
 * @param paymentType the payment type
 * @param instances the instance count
 * @param createdAt when the create was answered, or null
 */
public record ResumeState(
        String name,
        String serviceId,
        Instant deadline,
        String readinessPath,
        boolean sendTokenToEndpoint,
        String flavorId,
        String flavorName,
        BigDecimal pricePerHour,
        String paymentType,
        int instances,
        Instant createdAt)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
