package io.jenkins.plugins.netmind.steps;

import io.jenkins.plugins.netmind.Connection;
import io.jenkins.plugins.netmind.lifecycle.DeployResult;
import io.jenkins.plugins.netmind.lifecycle.DeploySpec;
import io.jenkins.plugins.netmind.lifecycle.Deployment;
import java.io.IOException;
import java.io.ObjectOutputStream;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Creates an endpoint and waits for it without holding a thread: {@link #start()} asks the engine and returns, the
 * engine's completion calls {@link #deployed}. Only the resume state (as a {@link SavedResumeState}: the program's
 * serialization cannot restore records) and the credentials id are saved with the program; after a restart {@link
 * #onResume()} reconnects and re-arms the wait. {@link #stop} cancels the deployment,
 * which deletes what was created, and then fails the step.
 */
abstract class DeployingExecution extends NetMindExecution {

    private static final long serialVersionUID = 1L;

    /** The settings; only needed by {@link #start()}. */
    private final transient EndpointSettings settings;

    /** What a resume needs; refreshed from the live deployment whenever the program is saved. */
    private SavedResumeState resumeState;

    /** Whether the endpoint is available and {@link #deployed} was called: nothing to resume or cancel here. */
    private volatile boolean done;

    private transient volatile Deployment deployment;

    /** Set by {@link #stop}: the deployment's own failure is then not reported. */
    private transient volatile Throwable stopCause;

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
        Connection connection = connect();
        watch(connection.engine().deploy(spec, ledger(connection), log()));
        return false;
    }

    @Override
    public void onResume() {
        if (done || resumeState == null) {
            return;
        }
        try {
            Connection connection = connect();
            watch(connection.engine().resume(resumeState.toResumeState(), ledger(connection), log()));
        } catch (Exception e) {
            fail(e);
        }
    }

    private void watch(Deployment d) {
        deployment = d;
        resumeState = SavedResumeState.of(d.resumeState());
        d.result().whenComplete((result, failure) -> {
            if (stopCause != null) {
                return;
            }
            if (failure != null) {
                fail(failure);
                return;
            }
            done = true;
            resumeState = null;
            try {
                deployed(result);
            } catch (Exception e) {
                fail(e);
            }
        });
    }

    /** The endpoint is available: continue or end the step. Runs on the engine's thread, never the CPS thread. */
    abstract void deployed(DeployResult result) throws Exception;

    @Override
    public void stop(Throwable cause) throws Exception {
        Deployment d = deployment;
        if (done || d == null) {
            getContext().onFailure(cause);
            return;
        }
        stopCause = cause;
        println(Messages.DeployingExecution_cancelling(d.name()));
        d.cancel().whenComplete((ignored, failure) -> {
            if (failure != null) {
                println(Messages.DeployingExecution_cancelFailed(d.name(), StepFailures.message(failure)));
            }
            getContext().onFailure(cause);
        });
    }

    /** Whether the endpoint is available (the subclass's part has begun). */
    final boolean isDeployed() {
        return done;
    }

    @Override
    public String getStatus() {
        Deployment d = deployment;
        if (done) {
            return "NetMind endpoint available";
        }
        if (d == null) {
            return resumeState == null
                    ? "starting a NetMind endpoint"
                    : "reconnecting to NetMind endpoint " + resumeState.name() + " after a restart";
        }
        return "waiting for NetMind endpoint " + d.name() + " (service "
                + d.serviceId().orElse("-") + ") to become available";
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        Deployment d = deployment;
        if (d != null && !done) {
            resumeState = SavedResumeState.of(d.resumeState());
        }
        out.defaultWriteObject();
    }
}
