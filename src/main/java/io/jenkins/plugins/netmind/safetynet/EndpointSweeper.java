package io.jenkins.plugins.netmind.safetynet;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.netmind.client.Scheduler;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.connection.NetMindThreads;
import io.jenkins.plugins.netmind.connection.TimerScheduler;
import io.jenkins.plugins.netmind.lifecycle.LogSink;
import io.jenkins.plugins.netmind.record.BuildLedger;
import io.jenkins.plugins.netmind.record.EndpointRecords;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.NetMindBuildAction;
import io.jenkins.plugins.netmind.record.NetMindLedgers;
import io.jenkins.plugins.netmind.record.RecordedConnection;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import jenkins.util.Timer;

/**
 * Deletes, in the background and with retries, every endpoint a build recorded and NetMind has not confirmed gone.
 * Endpoints are grouped by the credentials id and API URL they were created with. What it does goes to the system log.
 */
final class EndpointSweeper {

    private static final Logger LOGGER = Logger.getLogger(EndpointSweeper.class.getName());

    private final Map<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    /**
     * The endpoints of {@code run} not yet confirmed gone, as the registry (the source of truth) holds them: by the
     * build's key, or by its id for an entry the build's record lacks (its save failed).
     */
    static List<RecordedEndpoint> pendingOf(Run<?, ?> run) {
        NetMindBuildAction action = run.getAction(NetMindBuildAction.class);
        String runId = run.getExternalizableId();
        return EndpointRegistry.get().forBuild(action != null ? action.getKey() : runId, runId);
    }

    /**
     * Starts deleting what {@code run} left behind and returns at once. When {@code buildDeleted}, only the registry
     * is updated (the build's files are going away). A sweep of the same build already running is reused.
     *
     * @return completes with {@code true} once NetMind confirmed every endpoint gone, {@code false} when retries ran
     *     out
     */
    CompletableFuture<Boolean> sweep(Run<?, ?> run, boolean buildDeleted) {
        List<RecordedEndpoint> pending = pendingOf(run);
        Map<String, List<RecordedEndpoint>> byKey = EndpointRecords.groupBy(pending, RecordedEndpoint::getBuildKey);
        CompletableFuture<?>[] sweeps = byKey.entrySet().stream()
                .map(build -> sweep(
                        build.getKey(), run.getExternalizableId(), buildDeleted ? null : run, run, build.getValue()))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sweeps)
                .thenApply(ignored -> Arrays.stream(sweeps).allMatch(f -> Boolean.TRUE.equals(f.join())));
    }

    /** Sweeps the registry's leftovers of builds that are no longer running (after a restart). */
    void sweepLeftovers() {
        EndpointRegistry registry = EndpointRegistry.get();
        Map<String, List<RecordedEndpoint>> byKey =
                EndpointRecords.groupBy(registry.getEndpoints(), RecordedEndpoint::getBuildKey);
        for (Map.Entry<String, List<RecordedEndpoint>> build : byKey.entrySet()) {
            if (build.getValue().stream().allMatch(RecordedEndpoint::isParked)) {
                continue; // the warm pool's: restored at startup, deleted by its idle timer (SafetyNet#deleteParked)
            }
            String runId = build.getValue().get(0).getRunId();
            Run<?, ?> run = NetMindLedgers.findRun(runId);
            if (run != null && run.isBuilding()) {
                continue;
            }
            LOGGER.info(Messages.EndpointSweeper_leftovers(runId, names(build.getValue())));
            sweep(build.getKey(), runId, run, run, build.getValue());
        }
    }

    CompletableFuture<Boolean> sweep(
            String buildKey,
            String runId,
            @CheckForNull Run<?, ?> saveTo,
            @CheckForNull Run<?, ?> lookupIn,
            List<RecordedEndpoint> pending) {
        if (pending.isEmpty()) {
            return CompletableFuture.completedFuture(true);
        }
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(buildKey, started);
        if (running != null) {
            return running;
        }
        LOGGER.info(Messages.EndpointSweeper_starting(runId, names(pending)));
        Map<RecordedConnection, List<RecordedEndpoint>> groups =
                EndpointRecords.groupBy(pending, RecordedConnection::of);
        CompletableFuture<?>[] sweeps = groups.entrySet().stream()
                .map(group -> sweepGroup(buildKey, runId, saveTo, lookupIn, group.getKey(), group.getValue()))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sweeps).whenComplete((ignored, failure) -> {
            boolean done = failure == null && Arrays.stream(sweeps).allMatch(f -> Boolean.TRUE.equals(f.join()));
            inFlight.remove(buildKey, started);
            started.complete(done);
        });
        return started;
    }

    private CompletableFuture<Boolean> sweepGroup(
            String buildKey,
            String runId,
            Run<?, ?> saveTo,
            Run<?, ?> lookupIn,
            RecordedConnection target,
            List<RecordedEndpoint> records) {
        Predicate<RecordedEndpoint> scope = target::created;
        EndpointRegistry registry = EndpointRegistry.get();
        return new GroupSweep(
                        runId,
                        lookupIn,
                        target,
                        records,
                        BuildLedger.forSweep(saveTo, buildKey, runId, registry, target, scope))
                .run();
    }

    /** The endpoints of one build that share a connection, and one attempt at deleting them. */
    private record GroupSweep(
            String runId,
            @CheckForNull Run<?, ?> lookupIn,
            RecordedConnection target,
            List<RecordedEndpoint> records,
            BuildLedger ledger) {

        /** Attempts the deletion now and, while endpoints are left, again after each of the cleanup delays. */
        CompletableFuture<Boolean> run() {
            // the timer only counts the pause; each attempt (credential lookup, saves) runs on the plugin's threads
            Scheduler timer = TimerScheduler.on(Timer.get());
            Scheduler offTimer = (delay, task) ->
                    timer.schedule(delay, () -> NetMindThreads.executor().execute(task));
            return new Retries(offTimer, Retries.CLEANUP_DELAYS)
                    .run(this::attempt)
                    .thenApply(this::report);
        }

        private CompletableFuture<Boolean> attempt(int attempt) {
            Connection connection;
            try {
                connection = NetMindConnector.connectForCleanup(
                        lookupIn, records.get(0).getJobFullName(), target.credentialsId(), target.apiUrl());
            } catch (AbortException e) {
                LOGGER.warning(Messages.EndpointSweeper_cannotConnect(runId, attempt, e.getMessage()));
                return CompletableFuture.completedFuture(false);
            }
            LogSink log = line -> LOGGER.info(Messages.EndpointSweeper_line(runId, line));
            return connection.engine().teardownAll(ledger, log).handle((report, failure) -> {
                if (failure != null) {
                    LOGGER.log(
                            Level.WARNING,
                            Messages.EndpointSweeper_attemptFailed(runId, attempt, failure.getMessage()));
                }
                return EndpointRecords.pending(ledger.records()).isEmpty();
            });
        }

        private boolean report(boolean done) {
            if (done) {
                LOGGER.info(Messages.EndpointSweeper_done(runId, names(records)));
            } else {
                LOGGER.severe(Messages.EndpointSweeper_gaveUp(runId, names(EndpointRecords.pending(ledger.records()))));
            }
            return done;
        }
    }

    static String names(List<RecordedEndpoint> records) {
        return records.stream()
                .map(r -> r.getServiceId() == null ? r.getName() : r.getName() + " (" + r.getServiceId() + ")")
                .collect(Collectors.joining(", "));
    }
}
