package io.jenkins.plugins.netmind.freestyle;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.LogSinks;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.lifecycle.DeployResult;
import io.jenkins.plugins.netmind.lifecycle.DeploySpec;
import io.jenkins.plugins.netmind.lifecycle.Deployment;
import io.jenkins.plugins.netmind.lifecycle.LogSink;
import io.jenkins.plugins.netmind.record.NetMindLedgers;
import io.jenkins.plugins.netmind.steps.DeploySpecs;
import io.jenkins.plugins.netmind.steps.EndpointSettings;
import io.jenkins.plugins.netmind.steps.StepFailures;
import io.jenkins.plugins.netmind.warm.WarmEndpoints;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Deploys an endpoint for a freestyle build and waits for it on the build's own thread, the way a build wrapper
 * must: the same engine call as {@code netmindDeploy} ({@code EndpointEngine.deploy} into the build's ledger, which
 * records the endpoint before NetMind is asked to create it), then a blocking wait on its result. An abort (an
 * interrupt of the executor thread) cancels the deployment, which deletes what was created, before it ends the build.
 */
final class FreestyleDeploy {

    /** What the build steps need of an available endpoint. */
    record Endpoint(String url, String serviceId, String name) {}

    private FreestyleDeploy() {}

    /**
     * Creates the endpoint of {@code settings} for {@code build} and waits until it is available.
     *
     * @throws AbortException with a message that says what to fix, when the settings, the credential or NetMind
     *     refuse, or when the endpoint fails or times out (deleted again by the engine)
     * @throws InterruptedException when the build is aborted: the endpoint is deleted first
     */
    static Endpoint deployAndWait(Run<?, ?> build, EndpointSettings settings, TaskListener listener)
            throws IOException, InterruptedException {
        LogSink log = LogSinks.of(listener);
        DeploySpec spec;
        try {
            spec = DeploySpecs.forBuild(build, settings);
        } catch (RuntimeException e) {
            throw BuildFailures.of(e);
        }
        Connection connection = NetMindConnector.connect(build, settings.getCredentialsId());
        // warm pool (issue 13): a parked endpoint with the same settings first
        int keepWarm = WarmEndpoints.minutesFor(settings.getKeepWarmMinutes(), log);
        if (keepWarm > 0) {
            Optional<DeployResult> warm = awaitReuse(WarmEndpoints.get()
                    .reuse(
                            build,
                            connection,
                            spec,
                            keepWarm,
                            settings.isKeepWarmOnFailure(),
                            NetMindLedgers.forRun(build, connection),
                            log));
            if (warm.isPresent()) {
                NetMindLedgers.noteDeployed(build, warm.get());
                return new Endpoint(
                        String.valueOf(warm.get().url()),
                        warm.get().serviceId(),
                        warm.get().name());
            }
        }
        Deployment deployment = connection.engine().deploy(spec, NetMindLedgers.forRun(build, connection), log);
        DeployResult result = await(deployment, log);
        if (keepWarm > 0) {
            WarmEndpoints.noteKeptWarm(build, connection, spec, result, keepWarm, settings.isKeepWarmOnFailure());
        }
        NetMindLedgers.noteDeployed(build, result);
        return new Endpoint(String.valueOf(result.url()), result.serviceId(), result.name());
    }

    /**
     * Waits for a warm endpoint; an interrupt is rethrown (an endpoint already handed over is in the build's record,
     * and the build's end deletes it).
     */
    private static Optional<DeployResult> awaitReuse(CompletableFuture<Optional<DeployResult>> reuse)
            throws InterruptedException {
        try {
            return reuse.get();
        } catch (ExecutionException e) {
            return Optional.empty(); // never fails; a fresh endpoint if it did
        }
    }

    /** Waits for {@code deployment}; an interrupt cancels it (deleting the endpoint) and is then rethrown. */
    static DeployResult await(Deployment deployment, LogSink log) throws IOException, InterruptedException {
        try {
            return deployment.result().get();
        } catch (InterruptedException e) {
            cancel(deployment, log);
            throw e;
        } catch (ExecutionException e) {
            throw BuildFailures.of(e);
        }
    }

    /** Cancels {@code deployment} and waits until NetMind confirms the endpoint gone, or says why it may remain. */
    private static void cancel(Deployment deployment, LogSink log) {
        log.log(Messages.FreestyleDeploy_aborting(deployment.name()));
        try {
            deployment.cancel().get();
        } catch (InterruptedException again) {
            log.log(Messages.FreestyleDeploy_stillDeleting(deployment.name()));
            Thread.currentThread().interrupt();
        } catch (ExecutionException failure) {
            log.log(Messages.FreestyleDeploy_cancelFailed(deployment.name(), StepFailures.message(failure)));
        }
    }
}
