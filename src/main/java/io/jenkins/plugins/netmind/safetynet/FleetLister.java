package io.jenkins.plugins.netmind.safetynet;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.netmind.client.Flavor;
import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.NetMindException;
import io.jenkins.plugins.netmind.client.Service;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.ControllerIdentity;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.connection.NetMindThreads;
import io.jenkins.plugins.netmind.lifecycle.Fleet;
import io.jenkins.plugins.netmind.lifecycle.FleetRow;
import io.jenkins.plugins.netmind.record.ConnectionHistory;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.NetMindLedgers;
import io.jenkins.plugins.netmind.record.RecordedConnection;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * The listing half of the {@link FleetSweep}: through which connections to list, the list (or, without a list route,
 * the registry's endpoints one by one), and the classification. Logs under the sweep's logger.
 */
final class FleetLister {

    private static final Logger LOGGER = Logger.getLogger(FleetSweep.class.getName());

    private final Set<FleetSweep.Target> toldNoList = ConcurrentHashMap.newKeySet();

    /**
     * Lists and classifies the endpoints of every connection, deleting nothing. The future completes with one listing
     * per connection (a connection that failed carries its error), never exceptionally.
     */
    CompletableFuture<List<FleetListing>> snapshot() {
        return CompletableFuture.supplyAsync(FleetLister::targets, NetMindThreads.executor())
                .thenCompose(targets -> {
                    List<CompletableFuture<FleetListing>> listings =
                            targets.stream().map(this::list).toList();
                    return CompletableFuture.allOf(listings.toArray(CompletableFuture[]::new))
                            .thenApply(ignored -> listings.stream()
                                    .map(CompletableFuture::join)
                                    .toList());
                });
    }

    /**
     * The connections to list: every one recorded (kept after its endpoints are gone), the registry's, and the global
     * default; each resolved (no credentials id: the global default; no URL: the global one) and listed once.
     */
    static List<FleetSweep.Target> targets() {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        List<FleetSweep.Target> targets = new ArrayList<>();
        for (ConnectionHistory.Used used : ConnectionHistory.get().getConnections()) {
            add(targets, config, used.connection(), used.getJobFullName());
        }
        for (RecordedEndpoint r : EndpointRegistry.get().getEndpoints()) {
            add(targets, config, RecordedConnection.of(r), r.getJobFullName());
        }
        add(targets, config, RecordedConnection.DEFAULT, null);
        return targets;
    }

    private static void add(
            List<FleetSweep.Target> targets,
            NetMindGlobalConfiguration config,
            RecordedConnection c,
            String jobFullName) {
        FleetSweep.Target t = resolve(config, c, jobFullName);
        if (t != null && targets.stream().noneMatch(t::sameAccount)) {
            targets.add(t);
        }
    }

    @CheckForNull
    private static FleetSweep.Target resolve(
            NetMindGlobalConfiguration config, RecordedConnection c, String jobFullName) {
        String id = FleetSweep.blankToNull(c.credentialsId());
        if (id == null) {
            id = FleetSweep.blankToNull(config.getCredentialsId());
        }
        if (id == null) {
            return null; // no credential to list with
        }
        String url = FleetSweep.blankToNull(c.apiUrl());
        return new FleetSweep.Target(id, url != null ? url : config.getApiUrl(), jobFullName);
    }

    private CompletableFuture<FleetListing> list(FleetSweep.Target target) {
        Connection connection;
        try {
            connection = NetMindConnector.connectForCleanup(
                    null, target.jobFullName(), target.credentialsId(), target.apiUrl());
        } catch (AbortException | RuntimeException e) {
            LOGGER.warning(Messages.FleetSweep_cannotConnect(target.label(), e.getMessage()));
            return CompletableFuture.completedFuture(FleetListing.failed(target, null, e.getMessage()));
        }
        return list(target, connection);
    }

    /** Lists and classifies through {@code connection} only (a step's, made for its build), deleting nothing. */
    CompletableFuture<FleetListing> snapshot(Connection connection) {
        return list(new FleetSweep.Target(connection.credentialsId(), connection.apiUrl(), null), connection);
    }

    private CompletableFuture<FleetListing> list(FleetSweep.Target target, Connection connection) {
        NetMindClient client = connection.client();
        CompletableFuture<List<Flavor>> flavors = client.listFlavors().exceptionally(e -> List.of());
        CompletableFuture<Fetched> services = client.listServices().thenCompose(list -> {
            if (list.supported()) {
                toldNoList.remove(target);
                return CompletableFuture.completedFuture(new Fetched(true, list.services()));
            }
            if (toldNoList.add(target)) {
                LOGGER.info(Messages.FleetSweep_noListRoute(target.label()));
            }
            return trackedOneByOne(client, target).thenApply(found -> new Fetched(false, found));
        });
        return services.thenCombine(flavors, (fetched, flavorList) -> fetched.with(flavorList))
                // the registry is read once the list has answered: an endpoint listed is then tracked or left over
                .thenApplyAsync(fetched -> classify(target, connection, fetched), NetMindThreads.executor())
                .exceptionally(e -> {
                    String message = FleetSweep.messageOf(e);
                    LOGGER.warning(Messages.FleetSweep_cannotList(target.label(), message));
                    return FleetListing.failed(target, connection, message);
                });
    }

    private record Fetched(boolean supported, List<Service> services, List<Flavor> flavors) {
        Fetched(boolean supported, List<Service> services) {
            this(supported, services, List.of());
        }

        Fetched with(List<Flavor> value) {
            return new Fetched(supported, services, value);
        }
    }

    /** Without a list route: the endpoints the registry tracks for this account, each looked up by its id. */
    private static CompletableFuture<List<Service>> trackedOneByOne(NetMindClient client, FleetSweep.Target target) {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        List<CompletableFuture<Service>> lookups = EndpointRegistry.get().getEndpoints().stream()
                .filter(r -> r.getServiceId() != null)
                .filter(r -> {
                    FleetSweep.Target t = resolve(config, RecordedConnection.of(r), null);
                    return t != null && t.sameAccount(target);
                })
                .map(r -> r.getServiceId())
                .distinct()
                .map(id -> client.getService(id).exceptionally(e -> {
                    NetMindException n = NetMindException.unwrap(e);
                    if (n == null || n.kind() != NetMindException.Kind.NOT_FOUND) {
                        LOGGER.log(Level.FINE, "Could not look up " + id, e);
                    }
                    return null;
                }))
                .toList();
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> lookups.stream()
                        .map(CompletableFuture::join)
                        .filter(Objects::nonNull)
                        .toList());
    }

    private static FleetListing classify(FleetSweep.Target target, Connection connection, Fetched fetched) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            Map<String, Boolean> building = new HashMap<>();
            List<Fleet.Tracked> tracked = new ArrayList<>();
            for (RecordedEndpoint r : EndpointRegistry.get().getEndpoints()) {
                boolean runs = r.getRunId() != null && building.computeIfAbsent(r.getRunId(), FleetLister::isBuilding);
                tracked.add(new Fleet.Tracked(
                        r.getName(),
                        r.getServiceId(),
                        r.getBuildKey(),
                        runs,
                        r.isParked(),
                        r.toEntry().nonce()));
            }
            List<FleetRow> rows = Fleet.classify(
                    fetched.services(),
                    fetched.flavors(),
                    tracked,
                    ControllerIdentity.id(),
                    FleetLister::isRunning,
                    FleetSweep.clock.instant());
            return new FleetListing(target, connection, fetched.supported(), rows, null);
        }
    }

    /** Whether the build {@code runId} (an externalizable id) is running; false when it cannot be found. */
    private static boolean isBuilding(String runId) {
        Run<?, ?> run = NetMindLedgers.findRun(runId);
        return run != null && run.isBuilding();
    }

    /** Whether build {@code number} of the job {@code fullName} is running on this controller. */
    private static boolean isRunning(String fullName, int number) {
        Job<?, ?> job = Jenkins.get().getItemByFullName(fullName, Job.class);
        Run<?, ?> run = job == null ? null : job.getBuildByNumber(number);
        return run != null && run.isBuilding();
    }
}
