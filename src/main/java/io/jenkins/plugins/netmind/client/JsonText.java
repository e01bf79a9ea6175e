package io.jenkins.plugins.netmind.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.function.UnaryOperator;

/** The client's JSON mapper and helpers that turn JSON of any shape into a short text for users. */
public final class JsonText {

    /** Lenient: unknown properties are ignored everywhere. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final List<String> MESSAGE_KEYS = List.of(
            "message", "msg", "error_message", "errorMessage", "detail", "error_description", "error", "reason");
    private static final int MAX_LENGTH = 500;
    /** Error text beyond this is not looked at: a message is in its first words. */
    static final int MAX_INPUT = 16 * 1024;

    private JsonText() {}

    /** Empty for null, the text for a string, a message field for an object, else compact JSON. */
    static String describe(JsonNode node) {
        return describe(node, UnaryOperator.identity());
    }

    /** As {@link #describe(JsonNode)}, with {@code mask} applied before the text is cut to its maximum length. */
    static String describe(JsonNode node, UnaryOperator<String> mask) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isValueNode()) {
            return shorten(mask.apply(node.asText()));
        }
        String message = messageIn(node, 0);
        return shorten(mask.apply(message != null ? message : node.toString()));
    }

    /**
     * NetMind's message from an error body of whatever shape (JSON object, JSON string, plain text or HTML), masked by
     * {@code mask} before it is cut (a secret across the cut would otherwise leave its prefix). Only the first {@value
     * #MAX_INPUT} characters are read, in linear time.
     */
    static String errorMessage(String body, UnaryOperator<String> mask) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String input = body.length() > MAX_INPUT ? body.substring(0, MAX_INPUT) : body;
        try {
            JsonNode node = MAPPER.readTree(input);
            if (node != null && !node.isMissingNode()) {
                return describe(node, mask);
            }
        } catch (JsonProcessingException e) {
            // not JSON (or cut): fall through to text
        }
        return shorten(mask.apply(collapseSpaces(stripTags(input))));
    }

    /** Whether the body is JSON (NetMind answers JSON; a gateway or proxy often HTML). */
    static boolean isJson(String body) {
        if (body == null || body.isBlank() || body.length() > CappedBody.MAX_ERROR_BYTES) {
            return false;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isContainerNode();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * Replaces each tag ({@code <} up to the next {@code >}) by a space, as {@code (?s)<[^>]*>} would, in one pass: a
     * {@code <} never closed stays as it is, with what follows it.
     */
    static String stripTags(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (open < 0) {
                if (c == '<') {
                    open = i;
                } else {
                    out.append(c);
                }
            } else if (c == '>') {
                out.append(' ');
                open = -1;
            }
        }
        if (open >= 0) {
            out.append(text, open, text.length());
        }
        return out.toString();
    }

    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
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

    /**
     * {@code text} for a message: control characters as {@code \\uXXXX}, cut to 80 characters. Public for the
     * lifecycle's messages about what a user typed.
     */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 80; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return text.length() > 80 ? out + "…" : out.toString();
    }
}
