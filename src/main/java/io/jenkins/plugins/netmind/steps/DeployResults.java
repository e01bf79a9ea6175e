package io.jenkins.plugins.netmind.steps;

import io.jenkins.plugins.netmind.lifecycle.CapacityGuard;
import io.jenkins.plugins.netmind.lifecycle.DeployPlan;
import io.jenkins.plugins.netmind.lifecycle.DeployResult;
import java.math.BigDecimal;
import java.util.LinkedHashMap;

/**
 * What {@code netmindDeploy} returns to the script: a map of plain strings and an integer, so that sandboxed scripts
 * can read {@code ep.url} or {@code ep['serviceId']} without script approval. A plain {@link LinkedHashMap}: it is
 * saved with the program and whitelisted everywhere.
 */
final class DeployResults {

    private DeployResults() {}

    /** The map for {@code result}: url, serviceId, name, flavorId, instances, pricePerHour (null when unknown). */
    static LinkedHashMap<String, Object> toMap(DeployResult result) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("url", result.url() == null ? null : result.url().toString());
        map.put("serviceId", result.serviceId());
        map.put("name", result.name());
        map.put("flavorId", result.flavorId());
        map.put("instances", result.instances());
        map.put(
                "pricePerHour",
                result.pricePerHour() == null ? null : result.pricePerHour().toPlainString());
        return map;
    }

    /**
     * The map of a dry run ({@code netmindDeploy(dryRun: true)}): the keys of {@link #toMap(DeployResult)} in the same
     * order, with {@code url} and {@code serviceId} null since nothing was created, then {@code dryRun: true} and what
     * a script deciding whether to deploy wants to know: gpu, region, paymentType, capacityLeft (an integer),
     * totalPerHour (all instances, a decimal string or null) and apiUrl. A real deploy's map has no {@code dryRun} key,
     * so {@code ep.dryRun} is null, which Groovy reads as false. Then this controller's limits (the capacity guard):
     * waitsForCapacity (whether a deploy now would wait in the queue), liveEndpointsLeft, gpusLeft (integers, null
     * without that limit), usdPerHourLeft (a decimal string, null without that limit) and capacityInUse (in words).
     */
    static LinkedHashMap<String, Object> toMap(DeployPlan plan) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("url", null);
        map.put("serviceId", null);
        map.put("name", plan.name());
        map.put("flavorId", plan.flavorId());
        map.put("instances", plan.instances());
        map.put("pricePerHour", plain(plan.pricePerHour()));
        map.put("dryRun", true);
        map.put("gpu", plan.flavorName());
        map.put("region", plan.region());
        map.put("paymentType", plan.paymentType());
        map.put("capacityLeft", plan.capacityLeft());
        map.put("totalPerHour", plain(plan.totalPerHour()));
        map.put("apiUrl", plan.apiUrl().toString());
        // the capacity guard (issue 12)
        CapacityGuard.Usage usage = plan.capacity();
        map.put("waitsForCapacity", plan.waitsForCapacity());
        map.put("liveEndpointsLeft", usage == null ? null : usage.endpointsLeft());
        map.put(
                "gpusLeft",
                usage == null || usage.gpusLeft() == null
                        ? null
                        : usage.gpusLeft().intValue());
        map.put("usdPerHourLeft", usage == null ? null : plain(usage.usdPerHourLeft()));
        map.put("capacityInUse", usage == null ? null : usage.describe());
        return map;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
