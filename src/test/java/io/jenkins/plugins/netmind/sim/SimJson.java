package io.jenkins.plugins.netmind.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders the simulator's services as NetMind does. */
final class SimJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private SimJson() {}

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    static ObjectNode service(SimService.View view, URI endpointUrl, SimSettings settings) {
        SimService s = view.service();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("service_id", s.id);
        node.put("name", s.name);
        node.put("description", s.description);
        node.put("user_id", "sim-user-0001");
        node.put("status", view.status());
        if (view.statusInfo() == null) {
            node.putNull("status_info");
        } else {
            node.put("status_info", view.statusInfo());
        }
        ObjectNode resources = node.putObject("resource_metadata");
        resources.put("resource_display_name", s.flavor.displayName());
        resources.put("scale_type", s.scaleType);
        resources.put("flavor_id", s.flavor.flavorId());
        resources.put("target_instance_number", view.instances());
        resources.putNull("scale_policy");
        resources.put("VRAM", s.flavor.vram());
        resources.put("image_size", "1GB");
        ObjectNode billing = node.putObject("billing_metadata");
        billing.put("payment_type", s.paymentType);
        billing.put("price_unit", s.flavor.price(s.paymentType));
        billing.put("billing_cycle", "hour");
        ObjectNode endpoint = node.putObject("endpoint_metadata");
        putPath(endpoint, settings.endpointUrlKey, url(endpointUrl, settings.endpointUrlWithScheme));
        endpoint.put("port", s.port);
        ObjectNode deploy = node.putObject("deploy_metadata");
        deploy.put("image_url", s.imageUrl);
        deploy.put("command", s.command);
        deploy.put("port", s.port);
        deploy.put("gpu_num", s.gpuNum);
        node.put("service_type", "normal");
        node.put("created_at", time(s.createdAt));
        node.put("updated_at", time(view.updatedAt()));
        node.put("deleted_at", time(view.deletedAt()));
        node.put("is_deleted", view.deletedAt() != null);
        node.put("payment_type", s.paymentType);
        return node;
    }

    private static String url(URI url, boolean withScheme) {
        String text = url.toString();
        return withScheme ? text : text.substring(text.indexOf("://") + 3);
    }

    /** Puts {@code value} under a dotted key path, creating the nested objects. */
    private static void putPath(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) && node.get(parts[i]).isObject()
                    ? (ObjectNode) node.get(parts[i])
                    : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }

    static String error(int status, String message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("code", status);
        node.put("message", message);
        return node.toString();
    }

    /** The {@code name} of a create's JSON body, or null when there is none. */
    static String nameIn(String body) {
        try {
            com.fasterxml.jackson.databind.JsonNode name = MAPPER.readTree(body).path("name");
            return name.isTextual() ? name.asText() : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
