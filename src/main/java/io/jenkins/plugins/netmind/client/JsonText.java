package io.jenkins.plugins.netmind.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/** The client's JSON mapper and helpers that turn JSON of any shape into a short text for users. */
final class JsonText {

    /** Lenient: unknown properties are ignored everywhere. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final List<String> MESSAGE_KEYS = List.of(
            "message", "msg", "error_message", "errorMessage", "detail", "error_description", "error", "reason");
    private static final int MAX_LENGTH = 500;

    private JsonText() {}

    /** Empty for null, the text for a string, a message field for an object, else compact JSON. */
    static String describe(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isValueNode()) {
            return shorten(node.asText());
        }
        String message = messageIn(node, 0);
        return shorten(message != null ? message : node.toString());
    }

    /** NetMind's message from an error body of whatever shape (JSON object, JSON string, plain text or HTML). */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node != null && !node.isMissingNode()) {
                return describe(node);
            }
        } catch (JsonProcessingException e) {
            // not JSON: fall through to text
        }
        String text =
                body.replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return shorten(text);
    }

    private static String messageIn(JsonNode node, int depth) {
        if (depth > 3 || node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                String found = messageIn(element, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node.isObject()) {
            for (String key : MESSAGE_KEYS) {
                JsonNode value = node.get(key);
                if (value != null && !value.isNull()) {
                    String found = messageIn(value, depth + 1);
                    if (found != null && !found.isBlank()) {
                        return found;
                    }
                }
            }
            for (String key : List.of("errors", "data")) {
                String found = messageIn(node.get(key), depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }
}
