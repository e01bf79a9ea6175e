package io.jenkins.plugins.netmind.fleet;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.netmind.connection.NetMindThreads;
import io.jenkins.plugins.netmind.lifecycle.Fleet;
import io.jenkins.plugins.netmind.lifecycle.FleetRow;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * Gathers the fleet for the page and the step: lists through the connections ({@link FleetListing}), reads what the
 * registry tracks once the lists have answered (so that an endpoint created meanwhile is not taken for an orphan), and
 * lets the core classify ({@link Fleet#classify}). Owners on this controller get a link to their build.
 */
final class FleetService {

    private static final Logger LOGGER = Logger.getLogger(FleetService.class.getName());

    /** How long the page waits for NetMind before it shows what it has. */
    static final Duration PAGE_WAIT = Duration.ofSeconds(20);

    /** How long the step waits for NetMind (no thread is held meanwhile). */
    static final Duration STEP_WAIT = Duration.ofMinutes(2);

    private FleetService() {}

    /** Through every connection the controller knows. */
    static CompletableFuture<FleetView> gather(Duration wait) {
        return gather(FleetConnections.known(), wait);
    }

    /**
     * Through {@code targets}; never fails (a connection's failure is a problem line). The join with the registry and
     * the builds runs on the plugin's threads, as SYSTEM.
     */
    static CompletableFuture<FleetView> gather(List<FleetConnections.Target> targets, Duration wait) {
        return FleetListing.list(targets, wait)
                .thenApplyAsync(answers -> classify(answers, targets.size()), NetMindThreads.executor());
    }

    private static FleetView classify(List<FleetListing.Answer> answers, int connections) {
        Instant now = Clock.systemUTC().instant();
        List<RecordedEndpoint> records = EndpointRegistry.get().getEndpoints();
        List<Fleet.Tracked> tracked =
                records.stream().map(FleetService::tracked).toList();
        String controllerId = ControllerIds.current();
        Map<String, FleetRow> rows = new LinkedHashMap<>();
        Map<String, FleetConnections.Target> listedBy = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (FleetListing.Answer answer : answers) {
            if (answer.problem() != null) {
                problems.add(answer.problem());
            }
            List<FleetRow> classified = Fleet.classify(
                    answer.services().services(),
                    answer.flavors(),
                    tracked,
                    controllerId,
                    FleetService::isRunning,
                    now);
            for (FleetRow row : classified) {
                // two credentials of one account list the same endpoint: show it once
                if (rows.putIfAbsent(row.serviceId(), row) == null) {
                    listedBy.put(row.serviceId(), answer.target());
                }
            }
        }
        List<FleetEntry> entries = rows.values().stream()
                .map(row -> new FleetEntry(row, now, ownerUrl(row, records)))
                .toList();
        return new FleetView(now, entries, listedBy, problems, connections);
    }

    /** The registry's record as the core sees it: its build's key, whether that build runs, the nonce. */
    private static Fleet.Tracked tracked(RecordedEndpoint r) {
        Run<?, ?> run = findRun(r.getRunId());
        boolean running = run != null && run.isBuilding();
        return new Fleet.Tracked(
                r.getName(),
                r.getServiceId(),
                r.getBuildKey(),
                running,
                false,
                r.toEntry().nonce());
    }

    /** Whether build {@code number} of job {@code job} runs on this controller. */
    private static boolean isRunning(String job, int number) {
        Run<?, ?> run = findRun(job, number);
        return run != null && run.isBuilding();
    }

    /** The owning build's URL when it is on this controller: by the registry's record, else by the marker's owner. */
    @CheckForNull
    private static String ownerUrl(FleetRow row, List<RecordedEndpoint> records) {
        if (!row.state().isThisControllers()) {
            return null;
        }
        if (row.buildKey() != null) {
            for (RecordedEndpoint r : records) {
                if (row.buildKey().equals(r.getBuildKey())) {
                    Run<?, ?> run = findRun(r.getRunId());
                    return run == null ? null : run.getUrl();
                }
            }
        }
        if (row.owner() == null) {
            return null;
        }
        int hash = row.owner().lastIndexOf(" #");
        if (hash < 0) {
            return null;
        }
        try {
            Run<?, ?> run = findRun(
                    row.owner().substring(0, hash), Integer.parseInt(row.owner().substring(hash + 2)));
            return run == null ? null : run.getUrl();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The build {@code runId} names, or null when it is gone (or the id is null or malformed). */
    @CheckForNull
    static Run<?, ?> findRun(@CheckForNull String runId) {
        if (runId == null) {
            return null;
        }
        try {
            return Run.fromExternalizableId(runId);
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "no build " + runId, e);
            return null;
        }
    }

    @CheckForNull
    private static Run<?, ?> findRun(String job, int number) {
        Job<?, ?> j = Jenkins.get().getItemByFullName(job, Job.class);
        return j == null ? null : j.getBuildByNumber(number);
    }
}
