package io.jenkins.plugins.netmind.steps;

import io.jenkins.plugins.netmind.lifecycle.ScaleResult;
import io.jenkins.plugins.netmind.lifecycle.ScaleSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code netmindScale}'s parameters to the lifecycle's request, and its result to what the script reads. The freestyle
 * "Scale a NetMind endpoint" build step builds its request here too.
 */
public final class ScaleRequests {

    private ScaleRequests() {}

    /**
     * The request; {@code timeoutMinutes} 0 means {@code defaultTimeoutMinutes} (and 0 there the lifecycle's default).
     *
     * @throws IllegalArgumentException or {@link io.jenkins.plugins.netmind.lifecycle.EndpointException} with a
     *     message that says what to change
     */
    public static ScaleSpec spec(
            String serviceId, int instances, boolean wait, int timeoutMinutes, int defaultTimeoutMinutes) {
        int minutes = EndpointSettings.timeoutMinutes(timeoutMinutes, defaultTimeoutMinutes);
        return new ScaleSpec(serviceId, instances, wait, minutes > 0 ? Duration.ofMinutes(minutes) : null);
    }

    /** What the step returns: serviceId, name, instances (an integer) and the status last seen. */
    static Map<String, Object> toMap(ScaleResult result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("serviceId", result.serviceId());
        map.put("name", result.name());
        map.put("instances", result.instances());
        map.put("status", result.status());
        return map;
    }
}
