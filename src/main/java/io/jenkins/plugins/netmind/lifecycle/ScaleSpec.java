package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.NetMindClient;
import java.time.Duration;
import java.util.Objects;

/**
 * A scale request.
 *
 * @param serviceId the service to scale
 * @param instances the new instance count
 * @param waitUntilReady whether to wait until the new count is reached and the endpoint is available again
 * @param timeout how long to wait
 */
public record ScaleSpec(String serviceId, int instances, boolean waitUntilReady, Duration timeout) {

    /** Checks the components. */
    public ScaleSpec {
        if (serviceId == null || serviceId.isBlank()) {
            throw new EndpointException(EndpointException.Reason.INVALID_SPEC, Messages.Spec_serviceIdMissing());
        }
        if (!NetMindClient.isSafeServiceId(serviceId)) {
            throw new EndpointException(
                    EndpointException.Reason.INVALID_SPEC, Messages.Spec_serviceIdInvalid(Texts.printable(serviceId)));
        }
        if (instances < 1) {
            throw new EndpointException(
                    EndpointException.Reason.INVALID_SPEC, Messages.Spec_instancesInvalid(instances));
        }
        timeout = Objects.requireNonNullElse(timeout, DeploySpec.DEFAULT_TIMEOUT);
        DeploySpec.checkTimeout(timeout);
    }

    /** Scale and wait, with the default timeout. */
    public static ScaleSpec of(String serviceId, int instances) {
        return new ScaleSpec(serviceId, instances, true, DeploySpec.DEFAULT_TIMEOUT);
    }
}
