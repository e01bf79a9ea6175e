package io.jenkins.plugins.netmind.safetynet;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.lifecycle.FleetRow;
import java.util.List;

/**
 * NetMind's endpoints as one connection sees them, classified ({@link io.jenkins.plugins.netmind.lifecycle.Fleet}).
 *
 * @param target the connection listed
 * @param connection the connection to act through (delete), or null when it could not be made
 * @param listSupported false when NetMind has no list route: the rows are then only the endpoints this controller's
 *     registry tracks, looked up one by one
 * @param rows the endpoints, classified
 * @param error why nothing could be listed, or null
 */
public record FleetListing(
        FleetSweep.Target target,
        @CheckForNull Connection connection,
        boolean listSupported,
        List<FleetRow> rows,
        @CheckForNull String error) {

    /** Copies the rows. */
    public FleetListing {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    static FleetListing failed(FleetSweep.Target target, @CheckForNull Connection connection, String error) {
        return new FleetListing(target, connection, true, List.of(), error);
    }
}
