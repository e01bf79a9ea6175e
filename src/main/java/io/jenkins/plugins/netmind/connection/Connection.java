package io.jenkins.plugins.netmind.connection;

import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.lifecycle.EndpointEngine;

/**
 * A ready-to-use NetMind client and lifecycle engine for one token. Not serializable: a step that resumes after a
 * restart connects again. Its {@link #toString()} names the credentials id and URL, never the token.
 */
public final class Connection {

    private final EndpointEngine engine;
    private final NetMindClient client;
    private final String credentialsId;
    private final String apiUrl;

    Connection(EndpointEngine engine, NetMindClient client, String credentialsId, String apiUrl) {
        this.engine = engine;
        this.client = client;
        this.credentialsId = credentialsId;
        this.apiUrl = apiUrl;
    }

    /** The lifecycle engine: deploy, scale, teardown. */
    public EndpointEngine engine() {
        return engine;
    }

    /** The raw NetMind client. */
    public NetMindClient client() {
        return client;
    }

    /** The id of the Secret text credential the token came from; {@code null} for a form's test connection. */
    public String credentialsId() {
        return credentialsId;
    }

    /** The NetMind API base URL. */
    public String apiUrl() {
        return apiUrl;
    }

    @Override
    public String toString() {
        return "Connection[" + apiUrl + ", credentials " + credentialsId + "]";
    }
}
