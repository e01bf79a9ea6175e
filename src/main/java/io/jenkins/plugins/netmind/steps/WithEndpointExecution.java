package io.jenkins.plugins.netmind.steps;

import hudson.AbortException;
import io.jenkins.plugins.netmind.Connection;
import io.jenkins.plugins.netmind.lifecycle.DeployResult;
import io.jenkins.plugins.netmind.lifecycle.TeardownReport;
import java.io.Serializable;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code withNetmindEndpoint}: deploys (as {@link DeployingExecution}), runs the block with the endpoint's
 * variables, and when the block ends, however it ends, deletes the endpoint and then ends with the block's outcome.
 * A restart while the block runs needs nothing; a restart during the deletion runs it again (deleting is idempotent).
 */
final class WithEndpointExecution extends DeployingExecution {

    private static final long serialVersionUID = 1L;

    private final EndpointVariables variables;
    private String serviceId;
    private String name;
    private BodyExecution body;

    /** Set when the block has ended and the endpoint is being deleted; with the block's outcome. */
    private volatile boolean tearingDown;

    private Throwable bodyFailure;
    private Serializable bodyResult;

    /** Set by {@link #stop} between "available" and the start of the block. */
    private transient Throwable stoppedBeforeBody;

    WithEndpointExecution(StepContext context, EndpointSettings settings, EndpointVariables variables) {
        super(context, settings);
        this.variables = variables;
    }

    @Override
    void deployed(DeployResult result) {
        serviceId = result.serviceId();
        name = result.name();
        synchronized (this) {
            if (stoppedBeforeBody != null) {
                tearDown(stoppedBeforeBody, null);
                return;
            }
            try {
                body = getContext()
                        .newBodyInvoker()
                        .withContext(EnvironmentExpander.merge(
                                getContext().get(EnvironmentExpander.class),
                                EnvironmentExpander.constant(
                                        variables.values(String.valueOf(result.url()), serviceId, name))))
                        .withCallback(new Cleanup())
                        .start();
            } catch (Exception | LinkageError e) {
                tearDown(e, null);
            }
        }
    }

    /** Ends the block's life: whatever the block did, the endpoint goes. */
    private final class Cleanup extends BodyExecutionCallback {

        private static final long serialVersionUID = 1L;

        @Override
        public void onSuccess(StepContext context, Object result) {
            tearDown(null, result);
        }

        @Override
        public void onFailure(StepContext context, Throwable failure) {
            tearDown(failure, null);
        }
    }

    private void tearDown(Throwable failure, Object result) {
        tearingDown = true;
        bodyFailure = failure;
        bodyResult = result instanceof Serializable serializable ? serializable : null;
        try {
            println(Messages.WithEndpointExecution_deleting(name, serviceId));
            Connection connection = connectFor(serviceId);
            connection
                    .engine()
                    .teardown(List.of(serviceId), ledger(connection), log())
                    .whenComplete((report, problem) -> finish(report, problem));
        } catch (Exception e) {
            finish(null, e);
        }
    }

    private void finish(TeardownReport report, Throwable problem) {
        String reason = TeardownMessages.problem(report, problem);
        if (bodyFailure != null) {
            if (reason != null) {
                println(Messages.WithEndpointExecution_deleteFailed(name, serviceId, reason));
            }
            getContext().onFailure(bodyFailure);
        } else if (reason != null) {
            getContext()
                    .onFailure(
                            new AbortException(Messages.WithEndpointExecution_deleteFailed(name, serviceId, reason)));
        } else {
            getContext().onSuccess(bodyResult);
        }
    }

    @Override
    public void onResume() {
        if (!isDeployed()) {
            super.onResume();
        } else if (tearingDown) {
            tearDown(bodyFailure, bodyResult);
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        if (!isDeployed()) {
            super.stop(cause);
            return;
        }
        BodyExecution running;
        synchronized (this) {
            running = body;
            if (running == null && !tearingDown) {
                // available, block not started yet: deployed() deletes the endpoint instead of starting it
                stoppedBeforeBody = cause;
                return;
            }
        }
        if (!tearingDown) {
            running.cancel(cause);
        } else {
            getContext().onFailure(cause);
        }
    }

    @Override
    public String getStatus() {
        if (!isDeployed()) {
            return super.getStatus();
        }
        return (tearingDown ? "deleting NetMind endpoint " : "running the block against NetMind endpoint ") + name
                + " (service " + serviceId + ")";
    }
}
