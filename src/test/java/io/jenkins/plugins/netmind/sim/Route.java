package io.jenkins.plugins.netmind.sim;

/** The routes the simulator serves; faults are injected per route. */
public enum Route {
    /** {@code GET /v1/inference-service/flavor}. */
    LIST_FLAVORS,
    /** {@code POST /v1/inference-service}. */
    CREATE,
    /** {@code GET /v1/inference-service} (undocumented list route). */
    LIST,
    /** {@code GET /v1/inference-service/{id}}. */
    GET,
    /** {@code PUT /v1/inference-service/{id}}. */
    UPDATE,
    /** {@code DELETE /v1/inference-service/{id}}. */
    DELETE,
    /** The endpoint URL a service publishes, served by the simulator ({@code /endpoints/{id}/...}). */
    ENDPOINT,
    /** Anything else (answers 404 or 405). */
    OTHER
}
