package io.jenkins.plugins.netmind.fleet;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.netmind.client.Deadlines;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.NetMindThreads;
import io.jenkins.plugins.netmind.lifecycle.EndpointMarker;
import io.jenkins.plugins.netmind.lifecycle.FleetRow;
import io.jenkins.plugins.netmind.lifecycle.Texts;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.NetMindLedgers;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import io.jenkins.plugins.netmind.safetynet.FleetListing;
import io.jenkins.plugins.netmind.safetynet.FleetSweep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * Gathers the fleet for the page and the step from the sweep's listing ({@link FleetSweep#snapshot()}: every
 * connection the controller has used, classified by the core, nothing deleted), bounds the wait, turns each
 * connection that could not list into a line that says so, shows each endpoint once, and links the owners that are
 * builds of this controller.
 */
final class FleetService {

    private static final Logger LOGGER = Logger.getLogger(FleetService.class.getName());

    /** How long the page waits for NetMind before it says it did not answer. */
    static final Duration PAGE_WAIT = Duration.ofSeconds(20);

    /** How long the step waits for NetMind (no thread is held meanwhile). */
    static final Duration STEP_WAIT = Duration.ofMinutes(2);

    private FleetService() {}

    /** Through every connection the controller knows; never fails. */
    static CompletableFuture<FleetView> gather(Duration wait) {
        return view(FleetSweep.get().snapshot(), wait);
    }

    /** Through {@code connection} only (a step's, made for its build); never fails. */
    static CompletableFuture<FleetView> gather(Connection connection, Duration wait) {
        return view(FleetSweep.get().snapshot(connection).thenApply(List::of), wait);
    }

    private static CompletableFuture<FleetView> view(CompletableFuture<List<FleetListing>> listings, Duration wait) {
        return Deadlines.bound(listings, wait, TimeoutException::new)
                .handleAsync(
                        (answered, failure) -> failure == null ? view(answered) : notAnswered(wait),
                        NetMindThreads.executor());
    }

    private static FleetView notAnswered(Duration wait) {
        Instant now = Clock.systemUTC().instant();
        return new FleetView(
                now, List.of(), Map.of(), List.of(Messages.FleetService_notAnswered(Texts.duration(wait))), 0);
    }

    private static FleetView view(List<FleetListing> listings) {
        Instant now = Clock.systemUTC().instant();
        List<RecordedEndpoint> records = EndpointRegistry.get().getEndpoints();
        Map<String, FleetEntry> entries = new LinkedHashMap<>();
        Map<String, Connection> listedBy = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (FleetListing listing : listings) {
            String label = listing.target().label();
            if (listing.error() != null) {
                problems.add(Messages.FleetService_failed(label, listing.error()));
            } else if (!listing.listSupported()) {
                problems.add(Messages.FleetService_noListRoute(label));
            }
            for (FleetRow row : listing.rows()) {
                // two credentials of one account list the same endpoint: show it once
                String key = listing.target().apiUrl() + " " + row.serviceId();
                if (!entries.containsKey(key)) {
                    entries.put(key, new FleetEntry(row, now, ownerUrl(row, records)));
                    if (listing.connection() != null) {
                        listedBy.put(row.serviceId(), listing.connection());
                    }
                }
            }
        }
        return new FleetView(now, new ArrayList<>(entries.values()), listedBy, problems, listings.size());
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
                    Run<?, ?> run = NetMindLedgers.findRun(r.getRunId());
                    return run == null ? null : run.getUrl();
                }
            }
        }
        return EndpointMarker.Owner.parse(row.owner())
                .map(owner -> {
                    Job<?, ?> job = Jenkins.get().getItemByFullName(owner.job(), Job.class);
                    Run<?, ?> run = job == null ? null : job.getBuildByNumber(owner.build());
                    return run == null ? null : run.getUrl();
                })
                .orElse(null);
    }
}
