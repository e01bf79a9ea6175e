package io.jenkins.plugins.netmind.connection;

import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.lifecycle.EndpointEngine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A ready-to-use NetMind client and lifecycle engine for one token. Not serializable: a step that resumes after a
 * restart connects again. Its {@link #toString()} names the credentials id and URL, never the token.
 */
public final class Connection {

    private final EndpointEngine engine;
    private final NetMindClient client;
    private final String credentialsId;
    private final String apiUrl;

    /** Warm pool (issue 13): a SHA-256 digest of the token, in memory only, to tell two connections' accounts apart. */
    private final byte[] tokenDigest;

    Connection(EndpointEngine engine, NetMindClient client, String credentialsId, String apiUrl) {
        this(engine, client, credentialsId, apiUrl, null);
    }

    Connection(EndpointEngine engine, NetMindClient client, String credentialsId, String apiUrl, String token) {
        this.engine = engine;
        this.client = client;
        this.credentialsId = credentialsId;
        this.apiUrl = apiUrl;
        this.tokenDigest = token == null ? null : digest(token);
    }

    /**
     * Whether this connection uses the same token as {@code other} (the same NetMind account): a warm endpoint is
     * handed only to a build whose credential is the one it was created with, not another folder's credential that
     * happens to have the same id. False when either token is unknown.
     */
    public boolean sameTokenAs(Connection other) {
        return tokenDigest != null
                && other.tokenDigest != null
                && MessageDigest.isEqual(tokenDigest, other.tokenDigest);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
        }
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
