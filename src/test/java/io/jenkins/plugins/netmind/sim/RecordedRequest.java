package io.jenkins.plugins.netmind.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the simulator received. The token's value is hidden in {@code headers}: an {@code Authorization}
 * header reads {@code Bearer ****}; {@link #tokenValid()} tells whether it carried the right token.
 *
 * @param call the request's number on its route, from 1
 */
public record RecordedRequest(
        Instant at,
        String method,
        String path,
        String query,
        Route route,
        int call,
        Map<String, List<String>> headers,
        String body,
        boolean tokenValid) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }

    /** The body parsed as JSON (a missing node when empty or not JSON). */
    public JsonNode json() {
        if (body == null || body.isBlank()) {
            return MAPPER.missingNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return MAPPER.missingNode();
        }
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " #" + call;
    }
}
