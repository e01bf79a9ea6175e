package io.jenkins.plugins.netmind.client;

/** What a delete call found. */
public enum DeleteOutcome {
    /** NetMind accepted the delete. */
    DELETED,
    /** NetMind did not know the service (HTTP 404): it is gone already, which counts as success. */
    ALREADY_GONE
}
