package io.jenkins.plugins.netmind.fleet;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.config.SettingChecks;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The connections the controller knows: the global default credential with the global API URL, and every credential and
 * API URL the registry's endpoints were created with. Two that name the same credential and URL once the global
 * defaults stand in for the blanks are one.
 */
final class FleetConnections {

    private FleetConnections() {}

    /**
     * One connection to list through: a credentials id and an API URL (the global ones resolved), and the job of an
     * endpoint created with it, in which a folder-scoped credential is found.
     *
     * @param credentialsId the Secret text credential's id
     * @param apiUrl the NetMind API URL
     * @param jobFullName the job to look the credential up in, or null for Jenkins-wide credentials only
     * @param connection a connection already made (a step's, for its build), or null to connect when listing
     */
    record Target(
            String credentialsId,
            String apiUrl,
            @CheckForNull String jobFullName,
            @CheckForNull Connection connection) {

        Target(String credentialsId, String apiUrl, @CheckForNull String jobFullName) {
            this(credentialsId, apiUrl, jobFullName, null);
        }

        /** The connection a step made for its build. */
        static Target of(Connection connection) {
            return new Target(connection.credentialsId(), connection.apiUrl(), null, connection);
        }

        /**
         * The connection: the one given, else the credential as the job's builds would find it (never as SYSTEM for a
         * job's credential), else a Jenkins-wide one.
         */
        Connection connect() throws AbortException {
            if (connection != null) {
                return connection;
            }
            return NetMindConnector.connectForCleanup(null, jobFullName, credentialsId, apiUrl);
        }

        /** "credential 'netmind' at https://api.netmind.ai". */
        String label() {
            return Messages.FleetConnections_label(credentialsId, apiUrl);
        }
    }

    /** The connection {@code record} was created with (the global defaults standing in for its blanks). */
    static Target of(RecordedEndpoint record) {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        String id = SettingChecks.blankToNull(record.getCredentialsId());
        String url = record.getApiUrl() != null ? record.getApiUrl() : config.getApiUrl();
        return new Target(
                id != null ? id : SettingChecks.blankToNull(config.getCredentialsId()), url, record.getJobFullName());
    }

    /** The service ids of the endpoints the registry recorded as created with {@code target}. */
    static List<String> recordedWith(Target target) {
        return EndpointRegistry.get().getEndpoints().stream()
                .filter(r -> r.getServiceId() != null)
                .filter(r -> {
                    Target t = of(r);
                    return Objects.equals(t.credentialsId(), target.credentialsId())
                            && Objects.equals(t.apiUrl(), target.apiUrl());
                })
                .map(RecordedEndpoint::getServiceId)
                .toList();
    }

    /** Every connection the controller knows, the global default first; empty when none has a credential. */
    static List<Target> known() {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        String defaultId = SettingChecks.blankToNull(config.getCredentialsId());
        String defaultUrl = config.getApiUrl();
        Map<List<String>, Target> targets = new LinkedHashMap<>();
        if (defaultId != null) {
            targets.put(List.of(defaultId, defaultUrl), new Target(defaultId, defaultUrl, null));
        }
        for (RecordedEndpoint r : EndpointRegistry.get().getEndpoints()) {
            String id = SettingChecks.blankToNull(r.getCredentialsId());
            if (id == null) {
                id = defaultId;
            }
            if (id == null) {
                continue;
            }
            String url = r.getApiUrl() != null ? r.getApiUrl() : defaultUrl;
            targets.putIfAbsent(List.of(id, url), new Target(id, url, r.getJobFullName()));
        }
        return new ArrayList<>(targets.values());
    }
}
