package io.jenkins.plugins.netmind.steps;

import hudson.AbortException;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.lifecycle.TeardownReport;
import io.jenkins.plugins.netmind.record.ExpiredEndpoints;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code withNetmindEndpoint}: deploys (as {@link DeployingExecution}), runs the block with the endpoint's
 * variables, and when the block ends, however it ends, deletes the endpoint and then ends with the block's outcome.
 * A restart while the block runs needs nothing; a restart during the deletion runs it again (deleting is idempotent);
 * a restart after the endpoint became available and before the block started starts the block (or, when the build
 * was being stopped, deletes the endpoint).
 */
final class WithEndpointExecution extends DeployingExecution {

    private static final long serialVersionUID = 1L;

    private final EndpointVariables variables;
    private volatile String serviceId;
    private volatile String name;
    private BodyExecution body;

    /** Set when the block has ended and the endpoint is being deleted; with the block's outcome. */
    private volatile boolean tearingDown;

    private Throwable bodyFailure;
    private Serializable bodyResult;

    /** Set by {@link #stop} between "available" and the start of the block. */
    private Throwable stoppedBeforeBody;

    WithEndpointExecution(StepContext context, EndpointSettings settings, EndpointVariables variables) {
        super(context, settings);
        this.variables = variables;
    }

    @Override
    void deployed(LinkedHashMap<String, Object> endpoint) {
        serviceId = (String) endpoint.get("serviceId");
        name = (String) endpoint.get("name");
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
                                        variables.values((String) endpoint.get("url"), serviceId, name))))
                        .withCallback(new Cleanup())
                        .start();
            } catch (Exception | LinkageError e) {
                tearDown(e, null);
            }
        }
    }

    @Override
    void resumeAvailable(LinkedHashMap<String, Object> endpoint) {
        boolean blockStarted;
        synchronized (this) {
            blockStarted = body != null;
        }
        if (tearingDown) {
            tearDown(bodyFailure, bodyResult);
        } else if (!blockStarted) {
            deployed(endpoint);
        }
        // else the block is part of the program and resumes with it
    }

    /** Ends the block's life: whatever the block did, the endpoint goes. Runs on the CPS VM thread. */
    private final class Cleanup extends BodyExecutionCallback {

        private static final long serialVersionUID = 1L;

        @Override
        public void onSuccess(StepContext context, Object result) {
            inBackground(() -> tearDown(null, result));
        }

        @Override
        public void onFailure(StepContext context, Throwable failure) {
            inBackground(() -> tearDown(failure, null));
        }
    }

    private void tearDown(Throwable failure, Object result) {
        tearingDown = true;
        bodyFailure = failure;
        bodyResult = result instanceof Serializable serializable ? serializable : null;
        try {
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
        ExpiredEndpoints.Expired expired =
                ExpiredEndpoints.get().find(serviceId).orElse(null);
        if (expired != null) {
            // maximum lifetime (issue 11): the fleet sweep deleted it while the block ran
            println(expired.message());
            failWith(bodyFailure != null ? bodyFailure : new AbortException(expired.message()));
            return;
        }
        String reason = TeardownMessages.problem(report, problem);
        if (bodyFailure != null) {
            if (reason != null) {
                println(Messages.WithEndpointExecution_deleteFailed(name, serviceId, reason));
            }
            failWith(bodyFailure);
        } else if (reason != null) {
            failWith(new AbortException(Messages.WithEndpointExecution_deleteFailed(name, serviceId, reason)));
        } else {
            succeed(bodyResult);
        }
    }

    @Override
    void stopAvailable(Throwable cause) {
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
            failWith(cause);
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
