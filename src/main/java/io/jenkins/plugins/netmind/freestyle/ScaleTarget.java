package io.jenkins.plugins.netmind.freestyle;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.AbstractBuild;
import hudson.model.TaskListener;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.record.NetMindBuildAction;
import io.jenkins.plugins.netmind.record.NetMindLedgers;
import io.jenkins.plugins.netmind.record.RecordedConnection;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import java.io.IOException;
import java.util.List;

/**
 * The endpoint a freestyle build step acts on, and the credential to act with: the service id the step names (build
 * variables expanded), or else the one endpoint this build's wrapper created and has not deleted, as the build's
 * record ({@link NetMindBuildAction}) holds it.
 *
 * @param serviceId NetMind's id of the endpoint
 * @param connection the step's credentials id (with the global API URL), else the credential and API URL the
 *     endpoint was created with when this build created it, else the global default
 */
record ScaleTarget(String serviceId, RecordedConnection connection) {

    /**
     * @throws AbortException with a message that says what to do when the step names no service id and the build has
     *     no live endpoint, or several
     */
    static ScaleTarget of(
            AbstractBuild<?, ?> build,
            @CheckForNull String serviceId,
            @CheckForNull String credentialsId,
            TaskListener listener)
            throws IOException, InterruptedException {
        NetMindBuildAction action = build.getAction(NetMindBuildAction.class);
        List<RecordedEndpoint> recorded = action == null ? List.of() : action.getEndpoints();
        if (serviceId != null) {
            String expanded =
                    Util.fixEmptyAndTrim(build.getEnvironment(listener).expand(serviceId));
            if (expanded == null) {
                throw new AbortException(Messages.ScaleTarget_emptyServiceId(serviceId));
            }
            if (credentialsId != null) {
                return new ScaleTarget(expanded, new RecordedConnection(credentialsId, null));
            }
            // an endpoint this build created is scaled with the connection it was created with
            return new ScaleTarget(
                    expanded, NetMindLedgers.createdWith(build, expanded).orElse(RecordedConnection.DEFAULT));
        }
        List<RecordedEndpoint> live = recorded.stream()
                .filter(e -> e.getState() == LedgerEntry.State.CREATED && e.getServiceId() != null)
                .toList();
        if (live.isEmpty()) {
            throw new AbortException(Messages.ScaleTarget_noEndpoint());
        }
        if (live.size() > 1) {
            throw new AbortException(Messages.ScaleTarget_severalEndpoints(String.join(
                    ", ", live.stream().map(RecordedEndpoint::getServiceId).toList())));
        }
        RecordedEndpoint endpoint = live.get(0);
        return new ScaleTarget(
                endpoint.getServiceId(),
                credentialsId != null ? new RecordedConnection(credentialsId, null) : RecordedConnection.of(endpoint));
    }
}
