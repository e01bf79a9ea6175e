package io.jenkins.plugins.netmind.steps;

import hudson.AbortException;
import io.jenkins.plugins.netmind.lifecycle.EndpointEngine;
import io.jenkins.plugins.netmind.lifecycle.TeardownReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code netmindTeardown} without holding a thread. Deleting is idempotent, so after a restart it simply runs
 * again. Fails only when an endpoint may still exist; the step's result is the number of endpoints known gone.
 */
final class TeardownExecution extends NetMindExecution {

    private static final long serialVersionUID = 1L;

    /** The named service ids; empty means every endpoint of the build's ledger that is not deleted. */
    private final ArrayList<String> serviceIds;

    private transient volatile boolean stopped;

    TeardownExecution(StepContext context, String credentialsId, List<String> serviceIds) {
        super(context, credentialsId);
        this.serviceIds = new ArrayList<>(serviceIds);
    }

    @Override
    public boolean start() throws Exception {
        tearDown();
        return false;
    }

    @Override
    public void onResume() {
        try {
            tearDown();
        } catch (Exception e) {
            fail(e);
        }
    }

    private void tearDown() throws Exception {
        EndpointEngine engine = connect().engine();
        CompletableFuture<TeardownReport> report = serviceIds.isEmpty()
                ? engine.teardownAll(ledger(), log())
                : engine.teardown(serviceIds, ledger(), log());
        report.whenComplete((done, failure) -> {
            if (stopped) {
                return;
            }
            if (failure != null) {
                fail(failure);
            } else if (done.allGone()) {
                getContext().onSuccess(done.items().size());
            } else {
                getContext().onFailure(new AbortException(TeardownMessages.failure(done)));
            }
        });
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        stopped = true;
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        return serviceIds.isEmpty()
                ? Messages.TeardownExecution_statusAll()
                : Messages.TeardownExecution_statusNamed(String.join(", ", serviceIds));
    }
}
