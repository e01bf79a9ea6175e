package io.jenkins.plugins.netmind.lifecycle;

import java.time.Duration;

/**
 * A finished scale.
 *
 * @param serviceId the service
 * @param name the endpoint name
 * @param instances the instance count now targeted
 * @param status the status last seen
 * @param waited how long the engine waited for the new state (zero when it did not wait)
 */
public record ScaleResult(String serviceId, String name, int instances, String status, Duration waited) {}
