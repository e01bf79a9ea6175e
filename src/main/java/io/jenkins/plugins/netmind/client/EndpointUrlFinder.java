package io.jenkins.plugins.netmind.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the endpoint URL in {@code endpoint_metadata}, whose shape NetMind does not document: well-known keys first
 * (at the top, then in nested objects and lists), then any string that looks like a URL. A bare host gets
 * {@code https://}.
 */
final class EndpointUrlFinder {

    /** Keys that name a URL, best first. */
    static final List<String> URL_KEYS = List.of(
            "url",
            "endpoint_url",
            "endpoint",
            "public_url",
            "access_url",
            "service_url",
            "inference_url",
            "base_url",
            "api_url",
            "external_url",
            "domain",
            "host",
            "hostname",
            "address");

    private static final int MAX_DEPTH = 4;

    private EndpointUrlFinder() {}

    static EndpointUrl find(String serviceId, JsonNode metadata) {
        if (metadata != null && (metadata.isObject() || metadata.isArray())) {
            for (String key : URL_KEYS) {
                EndpointUrl found = byKey(metadata, key, "", 0);
                if (found != null) {
                    return found;
                }
            }
            EndpointUrl any = anyUrl(metadata, "", 0);
            if (any != null) {
                return any;
            }
        } else if (metadata != null && metadata.isTextual()) {
            URI uri = toUri(metadata.asText(), false);
            if (uri != null) {
                return new EndpointUrl(uri, "endpoint_metadata");
            }
        }
        String keys = keysOf(metadata);
        throw new NetMindException(
                Messages.EndpointUrl_missing(serviceId, keys.isEmpty() ? Messages.EndpointUrl_noKeys() : keys),
                "GET",
                NetMindClient.SERVICES_PATH + "/" + serviceId,
                200,
                "",
                NetMindException.Kind.INVALID_RESPONSE,
                false,
                null,
                null);
    }

    private static EndpointUrl byKey(JsonNode node, String wanted, String prefix, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted)
                        && e.getValue().isTextual()) {
                    URI uri = toUri(e.getValue().asText(), true);
                    if (uri != null) {
                        return new EndpointUrl(uri, prefix + e.getKey());
                    }
                }
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isContainerNode()) {
                    EndpointUrl found = byKey(e.getValue(), wanted, prefix + e.getKey() + ".", depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
            }
        } else if (node.isArray()) {
            String base = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                String here = base + "[" + i + "]";
                if (element.isTextual() && !base.isEmpty() && URL_KEYS.contains(lastKey(base))) {
                    URI uri = toUri(element.asText(), true);
                    if (uri != null) {
                        return new EndpointUrl(uri, here);
                    }
                }
                if (element.isContainerNode()) {
                    EndpointUrl found = byKey(element, wanted, here + ".", depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static EndpointUrl anyUrl(JsonNode node, String prefix, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (node.isTextual()) {
            String text = node.asText().trim();
            if (text.startsWith("http://") || text.startsWith("https://")) {
                URI uri = toUri(text, false);
                if (uri != null) {
                    return new EndpointUrl(uri, prefix.isEmpty() ? "endpoint_metadata" : prefix);
                }
            }
            return null;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                EndpointUrl found = anyUrl(e.getValue(), path, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                EndpointUrl found = anyUrl(node.get(i), prefix + "[" + i + "]", depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String lastKey(String path) {
        int dot = path.lastIndexOf('.');
        String last = dot < 0 ? path : path.substring(dot + 1);
        int bracket = last.indexOf('[');
        return (bracket < 0 ? last : last.substring(0, bracket)).toLowerCase(Locale.ROOT);
    }

    /** An absolute http(s) URI from a value with or without scheme; null when it is not one. */
    static URI toUri(String value, boolean allowBareHost) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty() || text.contains(" ")) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            if (!allowBareHost || lower.contains("://")) {
                return null;
            }
            text = "https://" + (text.startsWith("//") ? text.substring(2) : text);
        }
        try {
            URI uri = new URI(text);
            String host = uri.getHost();
            if (host == null
                    || host.isEmpty()
                    || !(host.contains(".") || host.equalsIgnoreCase("localhost") || host.startsWith("["))) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String keysOf(JsonNode metadata) {
        TreeSet<String> keys = new TreeSet<>();
        collectKeys(metadata, "", 0, keys);
        return String.join(", ", new ArrayList<>(keys));
    }

    private static void collectKeys(JsonNode node, String prefix, int depth, TreeSet<String> keys) {
        if (node == null || depth > MAX_DEPTH) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                keys.add(prefix + e.getKey());
                collectKeys(e.getValue(), prefix + e.getKey() + ".", depth + 1, keys);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectKeys(
                        node.get(i),
                        prefix.isEmpty() ? "[" + i + "]." : prefix.substring(0, prefix.length() - 1) + "[" + i + "].",
                        depth + 1,
                        keys);
            }
        }
    }
}
