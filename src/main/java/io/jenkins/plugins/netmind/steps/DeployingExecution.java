package io.jenkins.plugins.netmind.steps;

import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.lifecycle.DeployResult;
import io.jenkins.plugins.netmind.lifecycle.DeploySpec;
import io.jenkins.plugins.netmind.lifecycle.Deployment;
import io.jenkins.plugins.netmind.lifecycle.ResumeState;
import io.jenkins.plugins.netmind.record.NetMindLedgers;
import io.jenkins.plugins.netmind.warm.WarmEndpoints;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Creates an endpoint and waits for it without holding a thread: {@link #start()} hands the deploy to the plugin's
 * threads and returns, the engine's completion calls {@link #deployed}. Saved with the program: the settings, the
 * resume state (as a {@link SavedResumeState}: the program's serialization cannot restore records), the endpoint once
 * available (as the map {@code netmindDeploy} returns) and a stop in progress. After a restart {@link #resume()}
 * carries on from whichever of these it finds: it cancels a deploy whose stop was under way, hands an available
 * endpoint to the subclass again (a program saved between "available" and the step's next move would otherwise wait
 * forever), re-arms a wait, or starts a deploy that had not begun. {@link #stop} cancels the deployment, which
 * deletes what was created, and then fails the step.
 */
abstract class DeployingExecution extends NetMindExecution {

    private static final long serialVersionUID = 1L;

    /** The settings; what {@link #start()} (or a resume before the deploy began) needs. */
    private final EndpointSettings settings;

    /** What a resume needs; refreshed from the live deployment whenever the program is saved. */
    private SavedResumeState resumeState;

    /** The endpoint once available (url, serviceId, name, ...): nothing to resume or cancel here any more. */
    private volatile LinkedHashMap<String, Object> available;

    /** Set by {@link #stop}: the deployment is being cancelled and its own outcome is not reported. */
    private volatile Throwable stopCause;

    private transient volatile Deployment deployment;

    /** Warm pool (issue 13): the keep-warm minutes granted (0: none); set when the deploy starts. */
    private volatile int keepWarm;
    /** When the deploy was first started (epoch milliseconds, 0 before): a deploy queued again keeps its place. */
    private long firstDeployAt;

    DeployingExecution(StepContext context, EndpointSettings settings) {
        super(context, settings.getCredentialsId());
        this.settings = settings;
    }

    @Override
    public final boolean start() throws Exception {
        DeploySpec spec;
        try {
            spec = DeploySpecs.forBuild(run(), settings);
        } catch (RuntimeException e) {
            throw (Exception) StepFailures.forBuild(e);
        }
        inBackground(() -> deploy(spec));
        return false;
    }

    private void deploy(DeploySpec spec) throws Exception {
        Connection connection = connect();
        keepWarm = WarmEndpoints.minutesFor(settings.getKeepWarmMinutes(), log());
        if (keepWarm > 0) {
            // a parked endpoint with the same settings first; a fresh one when none is fit
            WarmEndpoints.get()
                    .reuse(run(), connection, spec, keepWarm, settings.isKeepWarmOnFailure(), ledger(connection), log())
                    .whenComplete((warm, failure) -> {
                        if (warm != null && warm.isPresent()) {
                            inBackground(() -> reused(warm.get()));
                        } else {
                            inBackground(() -> fresh(connection, spec));
                        }
                    });
            return;
        }
        fresh(connection, spec);
    }

    private void fresh(Connection connection, DeploySpec spec) throws Exception {
        synchronized (this) {
            if (stopCause != null) {
                return; // stopped before anything was sent
            }
            // a deploy started again after a restart queues for capacity ahead of those that came after it
            Instant since = firstDeployAt == 0 ? null : Instant.ofEpochMilli(firstDeployAt);
            if (firstDeployAt == 0) {
                firstDeployAt = System.currentTimeMillis();
            }
            watch(connection.engine().deploy(spec, ledger(connection), log(), since), connection);
        }
    }

    /**
     * A warm endpoint was handed to this build (its record moved to the build). Stopped meanwhile: the build's record
     * holds it, and the safety net deletes it with the build.
     */
    private void reused(DeployResult result) {
        if (stopCause != null) {
            return;
        }
        describeOnBuildPage(result);
        LinkedHashMap<String, Object> endpoint = DeployResults.toMap(result);
        synchronized (this) {
            available = endpoint;
            resumeState = null;
        }
        try {
            deployed(endpoint);
        } catch (Exception e) {
            fail(e);
        }
    }

    /** Records the keep-warm request on the new endpoint before the step hands it on (a teardown may follow at once). */
    private void rememberKeepWarm(Connection connection, DeployResult result) {
        if (keepWarm <= 0 || connection == null) {
            return;
        }
        try {
            WarmEndpoints.noteKeptWarm(
                    run(),
                    connection,
                    DeploySpecs.forBuild(run(), settings),
                    result,
                    keepWarm,
                    settings.isKeepWarmOnFailure());
        } catch (IOException | RuntimeException e) {
            println(Messages.DeployingExecution_keepWarmNotRecorded(result.name(), StepFailures.message(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    final void resume() throws Exception {
        LinkedHashMap<String, Object> endpoint = available;
        if (endpoint != null) {
            resumeAvailable(endpoint);
        } else if (resumeState == null) {
            if (stopCause != null) {
                failWith(stopCause);
            } else {
                // saved before the deploy began: nothing was created, begin now
                deploy(DeploySpecs.forBuild(run(), settings));
            }
        } else {
            Connection connection = connect();
            ResumeState state = resumeState.toResumeState();
            if (state.serviceId() == null
                    && ledger(connection).get(state.name()).isEmpty()) {
                // saved while waiting for capacity (issue 12): no intent was recorded, so nothing was created; the
                // guard's queue did not survive the restart, so queue again (or finish stopping)
                if (stopCause != null) {
                    failWith(stopCause);
                } else {
                    println(Messages.DeployingExecution_requeued(state.name()));
                    deploy(DeploySpecs.forBuild(run(), settings));
                }
                return;
            }
            Deployment d = connection.engine().resume(state, ledger(connection), log());
            if (stopCause != null) {
                // the build was being stopped when the controller went down: finish stopping it
                deployment = d;
                cancel(d, stopCause);
            } else {
                watch(d, connection);
            }
        }
    }

    private void watch(Deployment d, Connection connection) {
        deployment = d;
        resumeState = SavedResumeState.of(d.resumeState());
        d.result().thenAccept(this::describeOnBuildPage);
        d.result().whenComplete((result, failure) -> {
            if (stopCause != null) {
                return;
            }
            if (failure != null) {
                fail(failure);
                return;
            }
            rememberKeepWarm(connection, result);
            LinkedHashMap<String, Object> endpoint = DeployResults.toMap(result);
            synchronized (this) {
                available = endpoint;
                resumeState = null;
            }
            if (stopsForTestsAt("available")) {
                return;
            }
            try {
                deployed(endpoint);
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    /**
     * The endpoint is available ({@code endpoint}: the map {@code netmindDeploy} returns): continue or end the step.
     * Runs on the engine's thread, never the CPS thread.
     */
    abstract void deployed(LinkedHashMap<String, Object> endpoint) throws Exception;

    /** After a restart, the endpoint was available and the step had not ended: carry on from there. */
    abstract void resumeAvailable(LinkedHashMap<String, Object> endpoint) throws Exception;

    @Override
    public void stop(Throwable cause) throws Exception {
        Deployment d;
        synchronized (this) {
            if (available == null) {
                stopCause = cause;
            }
            d = deployment;
        }
        if (stopCause == null) {
            stopAvailable(cause);
            return;
        }
        if (stopsForTestsAt("stopping")) {
            return;
        }
        if (d == null) {
            failWith(cause); // the deploy had not begun; it now never will
            return;
        }
        inBackground(() -> cancel(d, cause));
    }

    /** {@link #stop} once the endpoint is available. */
    void stopAvailable(Throwable cause) throws Exception {
        failWith(cause);
    }

    private void cancel(Deployment d, Throwable cause) {
        println(
                d.capacityQueuePlace() > 0
                        ? Messages.DeployingExecution_leavingQueue(d.name())
                        : Messages.DeployingExecution_cancelling(d.name()));
        d.cancel().whenComplete((ignored, failure) -> {
            if (failure != null) {
                println(Messages.DeployingExecution_cancelFailed(d.name(), StepFailures.message(failure)));
            }
            failWith(cause);
        });
    }

    /** Whether the endpoint is available (the subclass's part has begun). */
    final boolean isDeployed() {
        return available != null;
    }

    @Override
    public String getStatus() {
        Deployment d = deployment;
        if (available != null) {
            return "NetMind endpoint available";
        }
        if (stopCause != null) {
            return "stopping: deleting the NetMind endpoint";
        }
        if (d == null) {
            return resumeState == null
                    ? "starting a NetMind endpoint"
                    : "reconnecting to NetMind endpoint " + resumeState.name() + " after a restart";
        }
        int place = d.capacityQueuePlace();
        if (place > 0) {
            return "waiting for capacity for NetMind endpoint " + d.name() + ": place " + place
                    + " in the queue (limits: Manage Jenkins > System > NetMind Endpoints)";
        }
        return "waiting for NetMind endpoint " + d.name() + " (service "
                + d.serviceId().orElse("-") + ") to become available";
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        Deployment d = deployment;
        if (d != null && available == null) {
            resumeState = SavedResumeState.of(d.resumeState());
        }
        out.defaultWriteObject();
    }

    /** Shows the endpoint's GPU, region and URL on the build page; for people only, so a failure changes nothing. */
    private void describeOnBuildPage(DeployResult result) {
        try {
            NetMindLedgers.noteDeployed(run(), result);
        } catch (IOException e) {
            // the build is gone: there is no page to describe it on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
