package io.jenkins.plugins.netmind.fleet;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.lifecycle.FleetRow;
import io.jenkins.plugins.netmind.lifecycle.InMemoryLedger;
import io.jenkins.plugins.netmind.lifecycle.LogSink;
import io.jenkins.plugins.netmind.lifecycle.TeardownReport;
import io.jenkins.plugins.netmind.record.BuildLedger;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.NetMindLedgers;
import io.jenkins.plugins.netmind.record.RecordedConnection;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The page's Delete: lists the fleet again (the row must still be this controller's), then deletes through the
 * lifecycle's teardown, recording in the registry when it tracks the endpoint, so that the registry drops it only once
 * NetMind confirms it gone. What it does goes to the system log with who asked.
 */
final class FleetDeletion {

    private static final Logger LOGGER = Logger.getLogger(FleetDeletion.class.getName());

    private FleetDeletion() {}

    /**
     * Deletes {@code serviceId} when it is this controller's, waiting at most {@code wait} for the list and as long
     * again for NetMind to confirm; a deletion not yet confirmed then goes on in the background.
     *
     * @return what the page tells the user
     */
    static String delete(String serviceId, String user, Duration wait) throws InterruptedException {
        FleetView view = await(FleetService.gather(wait), wait.plusSeconds(5));
        if (view == null) {
            return Messages.FleetDeletion_notListed(serviceId);
        }
        Optional<FleetEntry> entry = view.entry(serviceId);
        if (entry.isEmpty()) {
            // not listed: gone, or a connection could not list (then say why, and delete nothing blindly)
            return view.getProblems().isEmpty()
                    ? Messages.FleetDeletion_notListed(serviceId)
                    : Messages.FleetDeletion_notListedBecause(serviceId, String.join(" ", view.getProblems()));
        }
        FleetEntry e = entry.get();
        if (!e.isDeletable()) {
            return Messages.FleetDeletion_notThisControllers(e.getName(), serviceId, e.getState());
        }
        Optional<RecordedEndpoint> record = tracked(e.getRow());
        Connection connection;
        try {
            connection = record.isPresent() ? connect(record.get()) : view.listedBy(serviceId);
        } catch (AbortException ex) {
            return Messages.FleetDeletion_failed(e.getName(), serviceId, ex.getMessage());
        }
        if (connection == null) {
            return Messages.FleetDeletion_notListed(serviceId);
        }
        LOGGER.info(Messages.FleetDeletion_starting(e.getName(), serviceId, e.getState(), user));
        LogSink log = line -> LOGGER.info(Messages.FleetDeletion_line(serviceId, line));
        TeardownReport report = await(teardown(connection, serviceId, record.orElse(null), log), wait);
        if (report == null) {
            return Messages.FleetDeletion_pending(e.getName(), serviceId);
        }
        if (report.allGone()) {
            LOGGER.info(Messages.FleetDeletion_deleted(e.getName(), serviceId, user));
            return Messages.FleetDeletion_deleted(e.getName(), serviceId, user);
        }
        String why = report.failures().get(0).message();
        LOGGER.warning(Messages.FleetDeletion_failed(e.getName(), serviceId, why));
        return Messages.FleetDeletion_failed(e.getName(), serviceId, why);
    }

    /**
     * The connection {@code record} was created with, as the safety net makes it: the credential looked up for its
     * build, or in its job as the job's builds run, or globally.
     */
    private static Connection connect(RecordedEndpoint record) throws AbortException {
        return NetMindConnector.connectForCleanup(
                NetMindLedgers.findRun(record.getRunId()),
                record.getJobFullName(),
                record.getCredentialsId(),
                record.getApiUrl());
    }

    /** The registry's record of {@code row}: by service id, else by build key and name (a create not yet answered). */
    private static Optional<RecordedEndpoint> tracked(FleetRow row) {
        List<RecordedEndpoint> records = EndpointRegistry.get().getEndpoints();
        Optional<RecordedEndpoint> byId = records.stream()
                .filter(r -> row.serviceId().equals(r.getServiceId()))
                .findFirst();
        if (byId.isPresent() || row.buildKey() == null) {
            return byId;
        }
        return EndpointRegistry.get().find(row.buildKey(), row.name());
    }

    /**
     * Deletes a tracked endpoint through the registry's ledger of its build (the build's record follows when the build
     * exists), so that the entry becomes DELETED only once NetMind confirms, and one without service id is found by
     * name and nonce as the safety net would; an endpoint the registry does not track, by its id alone.
     */
    private static CompletableFuture<TeardownReport> teardown(
            Connection connection, String serviceId, @CheckForNull RecordedEndpoint record, LogSink log) {
        if (record == null) {
            return connection.engine().teardown(List.of(serviceId), new InMemoryLedger(), log);
        }
        Run<?, ?> run = NetMindLedgers.findRun(record.getRunId());
        BuildLedger ledger = BuildLedger.forSweep(
                run,
                record.getBuildKey(),
                record.getRunId(),
                EndpointRegistry.get(),
                RecordedConnection.of(record),
                r -> r.getName().equals(record.getName()));
        return connection.engine().teardownAll(ledger, log);
    }

    @CheckForNull
    private static <T> T await(CompletableFuture<T> future, Duration wait) throws InterruptedException {
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }
}
