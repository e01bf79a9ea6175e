package io.jenkins.plugins.netmind.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Finds the list of services in the answer of the undocumented list route, whatever its wrapper. */
final class ServiceListShape {

    private static final List<String> LIST_KEYS = List.of(
            "service_list",
            "inference_service_list",
            "services",
            "service",
            "list",
            "items",
            "records",
            "results",
            "data");

    private ServiceListShape() {}

    /** The array of services, or null when none is found. */
    static JsonNode findList(JsonNode root) {
        return findList(root, 0);
    }

    private static JsonNode findList(JsonNode node, int depth) {
        if (node == null || depth > 2) {
            return null;
        }
        if (node.isArray()) {
            return node;
        }
        if (!node.isObject()) {
            return null;
        }
        for (String key : LIST_KEYS) {
            JsonNode value = node.get(key);
            if (value != null && value.isArray()) {
                return value;
            }
        }
        for (String key : LIST_KEYS) {
            JsonNode found = findList(node.get(key), depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The top-level keys, for an error message. */
    static String describe(JsonNode root) {
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        return Messages.Response_noServiceList(String.join(", ", keys));
    }
}
