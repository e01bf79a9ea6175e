package io.jenkins.plugins.netmind.record;

import hudson.Extension;
import hudson.ExtensionList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Every connection (credentials id and API URL) this controller has recorded an endpoint with, kept after the endpoints
 * are gone, so that the fleet sweep lists NetMind through each of them (issue 11). Saved in {@code
 * JENKINS_HOME/io.jenkins.plugins.netmind.record.ConnectionHistory.xml} when a new one appears. Holds no secret.
 */
@Extension
public final class ConnectionHistory {

    private static final Logger LOGGER = Logger.getLogger(ConnectionHistory.class.getName());

    private static final HomeFile FILE = new HomeFile(
            ConnectionHistory.class.getName() + ".xml",
            LOGGER,
            Messages::ConnectionHistory_loadFailed,
            Messages::ConnectionHistory_saveFailed);

    /** A connection as first used, with the job it was used in (to look a folder's credential up again). */
    public static final class Used {
        private final String credentialsId;
        private final String apiUrl;
        private final String jobFullName;

        Used(String credentialsId, String apiUrl, String jobFullName) {
            this.credentialsId = credentialsId;
            this.apiUrl = apiUrl;
            this.jobFullName = jobFullName;
        }

        /** The connection. */
        public RecordedConnection connection() {
            return new RecordedConnection(credentialsId, apiUrl);
        }

        /** The job whose build first recorded an endpoint with it, or null. */
        public String getJobFullName() {
            return jobFullName;
        }
    }

    private List<Used> connections = new ArrayList<>();
    private transient boolean loaded;

    /** This controller's history. */
    public static ConnectionHistory get() {
        return ExtensionList.lookupSingleton(ConnectionHistory.class);
    }

    /** Notes the connection {@code record} was created with; saves only when it is new. */
    public void note(RecordedEndpoint record) {
        RecordedConnection c = RecordedConnection.of(record);
        synchronized (this) {
            load();
            for (Used u : connections) {
                if (u.connection().equals(c)) {
                    return;
                }
            }
            connections.add(new Used(c.credentialsId(), c.apiUrl(), record.getJobFullName()));
            save();
        }
    }

    /** Every connection noted, in the order first used. */
    public synchronized List<Used> getConnections() {
        load();
        return List.copyOf(connections);
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        FILE.readInto(this);
        connections = connections == null
                ? new ArrayList<>()
                : new ArrayList<>(connections.stream().filter(Objects::nonNull).toList());
    }

    private void save() {
        FILE.write(this);
    }
}
