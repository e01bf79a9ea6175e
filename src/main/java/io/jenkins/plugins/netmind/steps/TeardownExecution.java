package io.jenkins.plugins.netmind.steps;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.lifecycle.TeardownReport;
import io.jenkins.plugins.netmind.record.NetMindLedgers;
import io.jenkins.plugins.netmind.record.RecordedConnection;
import io.jenkins.plugins.netmind.record.WarmRecords;
import io.jenkins.plugins.netmind.warm.WarmEndpoints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code netmindTeardown} without holding a thread. Deleting is idempotent, so after a restart it simply runs
 * again. Fails only when an endpoint may still exist; the step's result is the number of endpoints known gone. Each
 * endpoint is deleted with the connection it was created with: a DELETE with another account's token gets a 404,
 * which would mark a live endpoint gone.
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
        inBackground(this::tearDown);
        return false;
    }

    @Override
    void resume() throws Exception {
        tearDown();
    }

    private void tearDown() throws Exception {
        // warm pool (issue 13): endpoints asked to be kept warm are parked instead, unless the build failed
        Run<?, ?> run = run();
        int parked = WarmEndpoints.get()
                .parkDone(run, serviceIds.isEmpty() ? null : serviceIds, WarmEndpoints.failed(run), log())
                .size();
        List<CompletableFuture<TeardownReport>> parts = serviceIds.isEmpty() ? tearDownAll() : tearDownNamed();
        if (parts.isEmpty()) {
            // nothing recorded and nothing named: no credential needed, nothing to connect to
            succeed(parked);
            return;
        }
        CompletableFuture<TeardownReport> report = CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> new TeardownReport(parts.stream()
                        .flatMap(part -> part.join().items().stream())
                        .toList()));
        report.whenComplete((done, failure) -> {
            if (stopped) {
                return;
            }
            if (failure != null) {
                fail(failure);
            } else if (done.allGone()) {
                succeed(done.items().size() + parked);
            } else {
                failWith(new AbortException(TeardownMessages.failure(done)));
            }
        });
    }

    /**
     * Every endpoint of the build not confirmed gone, each deleted with the credential and API URL it was created with
     * (only those created with the step's credential when it names one). Connects once per such connection, and not
     * at all when there is nothing to delete.
     */
    private List<CompletableFuture<TeardownReport>> tearDownAll() throws Exception {
        Run<?, ?> run = run();
        List<CompletableFuture<TeardownReport>> parts = new ArrayList<>();
        for (RecordedConnection createdWith :
                NetMindLedgers.pendingByConnection(run).keySet()) {
            if (credentialsId() != null && !credentialsId().equals(createdWith.credentialsId())) {
                continue;
            }
            Connection connection = NetMindConnector.connectAs(run, createdWith);
            parts.add(connection.engine().teardownAll(NetMindLedgers.forRun(run, connection, createdWith), log()));
        }
        return parts;
    }

    /**
     * The named service ids, each deleted with the step's credential when it names one, else with the connection the
     * build recorded it with (the global default for a service the build did not create).
     */
    private List<CompletableFuture<TeardownReport>> tearDownNamed() throws Exception {
        Run<?, ?> run = run();
        Map<RecordedConnection, List<String>> byConnection = new LinkedHashMap<>();
        for (String id : serviceIds) {
            if (WarmRecords.handedOver(run, id)) {
                continue; // parked: the warm pool's, not this build's to delete
            }
            RecordedConnection createdWith = credentialsId() != null
                    ? new RecordedConnection(credentialsId(), null)
                    : NetMindLedgers.createdWith(run, id).orElse(RecordedConnection.DEFAULT);
            byConnection.computeIfAbsent(createdWith, k -> new ArrayList<>()).add(id);
        }
        List<CompletableFuture<TeardownReport>> parts = new ArrayList<>();
        for (Map.Entry<RecordedConnection, List<String>> group : byConnection.entrySet()) {
            Connection connection = NetMindConnector.connectAs(run, group.getKey());
            parts.add(connection.engine().teardown(group.getValue(), NetMindLedgers.forRun(run, connection), log()));
        }
        return parts;
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        stopped = true;
        failWith(cause);
    }

    @Override
    public String getStatus() {
        return serviceIds.isEmpty()
                ? "deleting the NetMind endpoints of this build"
                : "deleting NetMind services " + String.join(", ", serviceIds);
    }
}
