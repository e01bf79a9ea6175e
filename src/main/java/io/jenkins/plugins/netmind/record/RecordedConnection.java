package io.jenkins.plugins.netmind.record;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.netmind.connection.Connection;
import java.util.Objects;

/**
 * The connection an endpoint was created with, as its record names it: the credentials id and the NetMind API URL
 * (either may be null in a record that predates them; the global settings then stand in). Deleting or scaling an
 * endpoint uses this connection, never the one a later step happens to name: another account's token would get a 404
 * for a live endpoint.
 *
 * @param credentialsId the id of the Secret text credential, or null for the global default
 * @param apiUrl the NetMind API URL, or null for the global one
 */
public record RecordedConnection(
        @CheckForNull String credentialsId, @CheckForNull String apiUrl) {

    /** The global default credential and API URL: for endpoints this build has no record of. */
    public static final RecordedConnection DEFAULT = new RecordedConnection(null, null);

    /** The connection {@code record} was created with. */
    public static RecordedConnection of(RecordedEndpoint record) {
        return new RecordedConnection(record.getCredentialsId(), record.getApiUrl());
    }

    /** The connection new endpoints are recorded with when created through {@code connection}. */
    public static RecordedConnection of(Connection connection) {
        return new RecordedConnection(connection.credentialsId(), connection.apiUrl());
    }

    /** Whether {@code record} was created with this connection. */
    public boolean created(RecordedEndpoint record) {
        return Objects.equals(credentialsId, record.getCredentialsId()) && Objects.equals(apiUrl, record.getApiUrl());
    }
}
