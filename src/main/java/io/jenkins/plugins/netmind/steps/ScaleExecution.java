package io.jenkins.plugins.netmind.steps;

import hudson.AbortException;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.lifecycle.ScaleResult;
import io.jenkins.plugins.netmind.lifecycle.ScaleSpec;
import io.jenkins.plugins.netmind.record.ExpiredEndpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code netmindScale} without holding a thread. Saves the request and its deadline; after a restart the scale is
 * sent again (setting the same instance count twice is harmless) with the time left. {@link #stop} stops waiting
 * and leaves the endpoint as it is.
 */
final class ScaleExecution extends NetMindExecution {

    private static final long serialVersionUID = 1L;

    private final String serviceId;
    private final int instances;
    private final boolean waitUntilReady;
    /** When the scale times out, epoch milliseconds (as {@code SleepStep} keeps its end). */
    private long deadlineMillis;

    /** @deprecated read only: the deadline as the first release saved it (null in what this release saves) */
    @Deprecated
    private Instant deadline;

    private transient volatile CompletableFuture<ScaleResult> running;
    private transient volatile boolean stopped;

    ScaleExecution(StepContext context, String credentialsId, ScaleSpec spec) {
        super(context, credentialsId);
        this.serviceId = spec.serviceId();
        this.instances = spec.instances();
        this.waitUntilReady = spec.waitUntilReady();
        this.deadlineMillis = Instant.now().plus(spec.timeout()).toEpochMilli();
    }

    @Override
    public boolean start() throws Exception {
        inBackground(this::scale);
        return false;
    }

    @Override
    void resume() throws Exception {
        scale();
    }

    private void scale() throws Exception {
        Instant end = deadline != null ? deadline : Instant.ofEpochMilli(deadlineMillis);
        Duration left = Duration.between(Instant.now(), end);
        ScaleSpec spec = new ScaleSpec(
                serviceId,
                instances,
                waitUntilReady,
                left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
        if (failIfLifetimeRanOut()) {
            return;
        }
        Connection connection = connectFor(serviceId);
        CompletableFuture<ScaleResult> future = connection.engine().scale(spec, ledger(connection), log());
        running = future;
        future.whenComplete((result, failure) -> {
            if (stopped) {
                return;
            }
            if (failure != null) {
                if (!failIfLifetimeRanOut()) {
                    fail(failure);
                }
            } else {
                succeed(ScaleRequests.toMap(result));
            }
        });
    }

    /** Maximum lifetime (issue 11): fails saying so when the fleet sweep deleted the endpoint for its lifetime. */
    private boolean failIfLifetimeRanOut() {
        return ExpiredEndpoints.get()
                .find(serviceId)
                .map(expired -> {
                    failWith(new AbortException(expired.message()));
                    return true;
                })
                .orElse(false);
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        stopped = true;
        CompletableFuture<ScaleResult> future = running;
        if (future != null) {
            future.cancel(false);
        }
        failWith(cause);
    }

    @Override
    public String getStatus() {
        return "scaling NetMind service " + serviceId + " to " + instances + " instance(s)"
                + (waitUntilReady ? " and waiting for it" : "");
    }
}
