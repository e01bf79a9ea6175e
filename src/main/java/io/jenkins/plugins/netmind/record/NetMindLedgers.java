package io.jenkins.plugins.netmind.record;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.lifecycle.DeployResult;
import io.jenkins.plugins.netmind.lifecycle.Ledger;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Where builds record the endpoints they create. */
public final class NetMindLedgers {

    private static final Logger LOGGER = Logger.getLogger(NetMindLedgers.class.getName());

    /**
     * The build {@code runId} (an externalizable id) names, looked up as the system; null when it is gone, or the id
     * is null or malformed. For the background and administrators' work on records: the safety net, the fleet sweep
     * and the fleet page.
     */
    @CheckForNull
    public static Run<?, ?> findRun(@CheckForNull String runId) {
        if (runId == null) {
            return null;
        }
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return Run.fromExternalizableId(runId);
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, Messages.NetMindLedgers_noRun(runId), e);
            return null;
        }
    }

    /**
     * Guards attaching the build's record. Not the {@link Run}'s own monitor: a Pipeline build takes its metadata lock
     * before its monitor, and the action lookup below may call into code that takes that lock.
     */
    private static final Object ATTACH = new Object();

    private NetMindLedgers() {}

    /**
     * The ledger a build records into through {@code connection}: its {@link NetMindBuildAction} (saved with the build)
     * and the controller-wide {@link EndpointRegistry} (saved in {@code JENKINS_HOME}) together. A new endpoint is
     * recorded with the connection's credentials id and API URL (so that parallel branches with different credentials
     * each record their own); a known one keeps the connection it was created with. Each change is saved before
     * {@code put} returns. Shows every endpoint of the build.
     */
    public static Ledger forRun(Run<?, ?> run, Connection connection) {
        return BuildLedger.of(run, EndpointRegistry.get(), RecordedConnection.of(connection), r -> true);
    }

    /** As {@link #forRun(Run, Connection)}, showing only the endpoints created with {@code createdWith}. */
    public static Ledger forRun(Run<?, ?> run, Connection connection, RecordedConnection createdWith) {
        return BuildLedger.of(run, EndpointRegistry.get(), RecordedConnection.of(connection), createdWith::created);
    }

    /**
     * The build's endpoints NetMind has not confirmed gone, grouped by the connection each was created with, in the
     * order they were first recorded. Empty when the build created none.
     */
    public static Map<RecordedConnection, List<RecordedEndpoint>> pendingByConnection(Run<?, ?> run) {
        NetMindBuildAction action = run.getAction(NetMindBuildAction.class);
        if (action == null) {
            return Map.of();
        }
        return EndpointRecords.groupBy(EndpointRecords.pending(action.getEndpoints()), RecordedConnection::of);
    }

    /** The connection the build's endpoint {@code serviceId} was created with, when the build recorded it. */
    public static Optional<RecordedConnection> createdWith(Run<?, ?> run, String serviceId) {
        NetMindBuildAction action = run.getAction(NetMindBuildAction.class);
        if (action == null) {
            return Optional.empty();
        }
        return action.getEndpoints().stream()
                .filter(r -> serviceId.equals(r.getServiceId()))
                .map(RecordedConnection::of)
                .findFirst();
    }

    /**
     * Notes on the build's page what the deploy of an available endpoint reported: its GPU, region and URL. The
     * ledger has recorded the endpoint itself already; this is for people only.
     */
    public static void noteDeployed(Run<?, ?> run, DeployResult result) {
        String url = result.url() == null ? null : result.url().toString();
        if (actionOf(run).describe(result.name(), result.flavorName(), result.region(), url)
                && run.getRootDir().isDirectory()) {
            try {
                run.save();
            } catch (IOException e) {
                LOGGER.log(Level.FINE, "Could not save the description of " + result.name(), e);
            }
        }
    }

    /** The build's record, attached on first use. */
    static NetMindBuildAction actionOf(Run<?, ?> run) {
        NetMindBuildAction attached = run.getAction(NetMindBuildAction.class);
        if (attached != null) {
            return attached;
        }
        synchronized (ATTACH) {
            NetMindBuildAction action = run.getAction(NetMindBuildAction.class);
            if (action == null) {
                action = new NetMindBuildAction();
                run.addAction(action);
            }
            return action;
        }
    }
}
