package io.jenkins.plugins.netmind.steps;

import io.jenkins.plugins.netmind.lifecycle.DeployResult;
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
}
