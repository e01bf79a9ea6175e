package io.jenkins.plugins.netmind.freestyle;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.LogSinks;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.lifecycle.TeardownReport;
import io.jenkins.plugins.netmind.record.ExpiredEndpoints;
import io.jenkins.plugins.netmind.record.NetMindLedgers;
import io.jenkins.plugins.netmind.steps.TeardownMessages;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import jenkins.tasks.SimpleBuildWrapper;

/**
 * Deletes the endpoint of {@link NetmindEndpointBuildWrapper} when the build ends, whatever its result: the same
 * engine call as {@code withNetmindEndpoint}'s cleanup. Holds the credentials id and the endpoint's id and name, never
 * the token. When NetMind does not confirm the deletion the build fails with the reason; the endpoint stays in the
 * build's record, and the safety net deletes it in the background.
 */
final class EndpointDisposer extends SimpleBuildWrapper.Disposer {

    private static final long serialVersionUID = 1L;

    private final String credentialsId;
    private final String serviceId;
    private final String name;

    EndpointDisposer(String credentialsId, String serviceId, String name) {
        this.credentialsId = credentialsId;
        this.serviceId = serviceId;
        this.name = name;
    }

    @Override
    public void tearDown(Run<?, ?> build, TaskListener listener) throws IOException, InterruptedException {
        Connection connection = NetMindConnector.connect(build, credentialsId);
        CompletableFuture<TeardownReport> teardown = connection
                .engine()
                .teardown(List.of(serviceId), NetMindLedgers.forRun(build, connection), LogSinks.of(listener));
        TeardownReport report = null;
        Throwable failure = null;
        try {
            report = teardown.get();
        } catch (InterruptedException e) {
            listener.getLogger().println(Messages.EndpointDisposer_stillDeleting(name, serviceId));
            throw e;
        } catch (ExecutionException e) {
            failure = e;
        }
        ExpiredEndpoints.Expired expired =
                ExpiredEndpoints.get().find(serviceId).orElse(null);
        if (expired != null) {
            // maximum lifetime (issue 11): the fleet sweep deleted it while the build ran; said without a stack trace
            listener.error(expired.message());
            build.setResult(Result.FAILURE);
            return;
        }
        String reason = TeardownMessages.problem(report, failure);
        if (reason != null) {
            throw new AbortException(Messages.EndpointDisposer_deleteFailed(name, serviceId, reason));
        }
    }

    @Override
    public String toString() {
        return "EndpointDisposer[" + name + ", service " + serviceId + ", credentials " + credentialsId + "]";
    }
}
