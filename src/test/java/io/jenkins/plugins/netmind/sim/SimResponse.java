package io.jenkins.plugins.netmind.sim;

import java.util.Map;

/** An answer of the simulator's API logic. */
record SimResponse(int status, String body, Map<String, String> headers) {

    static SimResponse json(int status, String body) {
        return new SimResponse(status, body, Map.of("Content-Type", "application/json"));
    }

    static SimResponse error(int status, String message) {
        return json(status, SimJson.error(status, message));
    }
}
