package io.jenkins.plugins.netmind.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** The simulator's checks of a create body; each problem is a message for a 400 answer. */
final class CreateValidation {

    private static final Set<String> PAYMENT_TYPES = Set.of("usd", "cny", "nmt");

    private CreateValidation() {}

    /** The first problem of the body, or null when it is valid. */
    static String check(JsonNode root, List<SimFlavor> flavors) {
        String problem = text(root, "name", true);
        if (problem == null) {
            problem = optionalText(root, "description");
        }
        if (problem == null) {
            problem = text(root, "payment_type", true);
        }
        if (problem == null && !PAYMENT_TYPES.contains(root.get("payment_type").asText())) {
            problem = "payment_type must be one of usd, cny, nmt";
        }
        if (problem == null) {
            problem = resources(root.get("resource_metadata"), flavors);
        }
        if (problem == null) {
            problem = deployment(
                    root.get("deploy_metadata"),
                    flavor(flavors, root.at("/resource_metadata/flavor_id").asText()));
        }
        return problem;
    }

    private static String resources(JsonNode res, List<SimFlavor> flavors) {
        if (res == null || !res.isObject()) {
            return "resource_metadata is required and must be an object";
        }
        String problem = text(res, "flavor_id", true);
        if (problem != null) {
            return "resource_metadata." + problem;
        }
        SimFlavor flavor = flavor(flavors, res.get("flavor_id").asText());
        if (flavor == null) {
            return "flavor not found: " + res.get("flavor_id").asText();
        }
        problem = text(res, "scale_type", true);
        if (problem != null) {
            return "resource_metadata." + problem;
        }
        if (!res.get("scale_type").asText().equals("manual")) {
            return "resource_metadata.scale_type: only manual is supported";
        }
        JsonNode target = res.get("target_instance_number");
        if (target == null || !target.isIntegralNumber() || target.asInt() < 1) {
            return "resource_metadata.target_instance_number must be a positive integer";
        }
        if (target.asInt() > flavor.availableNum()) {
            return "insufficient resources: only " + flavor.availableNum() + " instances of " + flavor.displayName()
                    + " available";
        }
        return null;
    }

    private static String deployment(JsonNode dep, SimFlavor flavor) {
        if (dep == null || !dep.isObject()) {
            return "deploy_metadata is required and must be an object";
        }
        String problem = text(dep, "image_url", true);
        if (problem == null) {
            problem = optionalText(dep, "command");
        }
        if (problem != null) {
            return "deploy_metadata." + problem;
        }
        JsonNode port = dep.get("port");
        if (port == null || !port.isIntegralNumber() || port.asInt() < 1 || port.asInt() > 65535) {
            return "deploy_metadata.port must be an integer between 1 and 65535";
        }
        JsonNode gpus = dep.get("gpu_num");
        if (gpus == null || !gpus.isIntegralNumber() || gpus.asInt() < 0) {
            return "deploy_metadata.gpu_num must be a non-negative integer";
        }
        if (gpus.asInt() > flavor.nodeMaxGpu()) {
            return "deploy_metadata.gpu_num exceeds the flavor's node_max_gpu (" + flavor.nodeMaxGpu() + ")";
        }
        return null;
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return required ? field + " is required" : null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            return field + " must be a non-empty string";
        }
        return null;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isTextual() ? null : field + " must be a string";
    }

    static SimFlavor flavor(List<SimFlavor> flavors, String id) {
        return flavors.stream().filter(f -> f.flavorId().equals(id)).findFirst().orElse(null);
    }

    /** An integer from a JSON number or a numeric string; null otherwise. */
    static Integer lenientInt(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asInt();
        }
        if (node.isTextual()) {
            try {
                return Integer.parseInt(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
