package io.jenkins.plugins.netmind.safetynet;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.lifecycle.Fleet;
import io.jenkins.plugins.netmind.lifecycle.FleetRow;
import io.jenkins.plugins.netmind.lifecycle.FleetState;
import io.jenkins.plugins.netmind.lifecycle.InMemoryLedger;
import io.jenkins.plugins.netmind.lifecycle.Ledger;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.lifecycle.LogSink;
import io.jenkins.plugins.netmind.lifecycle.TeardownReport;
import io.jenkins.plugins.netmind.record.BuildLedger;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.ExpiredEndpoints;
import io.jenkins.plugins.netmind.record.NetMindLedgers;
import io.jenkins.plugins.netmind.record.RecordedConnection;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fleet sweep (issue 11): every few minutes, lists NetMind's endpoints through every connection this controller
 * has recorded endpoints with (and the global one), classifies them ({@link Fleet#classify}) and deletes this
 * controller's EXPIRED and ORPHAN ones through the engine's teardown (the registry's record becomes DELETED only when
 * NetMind confirms). Endpoints of other controllers and unmanaged ones are never touched. Where NetMind has no list
 * route it says so once per connection and looks up the endpoints the registry tracks one by one instead. Every
 * deletion goes to the system log with its reason. Nothing waits on a thread: the calls are futures.
 */
@Extension
public final class FleetSweep extends AsyncPeriodicWork {

    /** The system property that sets the period in milliseconds (for tests). */
    public static final String PERIOD_PROPERTY = FleetSweep.class.getName() + ".recurrencePeriod";

    /** The period: five minutes. */
    static final long DEFAULT_PERIOD = TimeUnit.MINUTES.toMillis(5);

    private static final Logger LOGGER = Logger.getLogger(FleetSweep.class.getName());

    /** The clock expiries are compared with; tests move it. */
    static volatile Clock clock = Clock.systemUTC();

    private final AtomicReference<CompletableFuture<SweepReport>> running = new AtomicReference<>();
    private final FleetLister lister = new FleetLister();
    private volatile SweepReport lastRun;

    /** A connection to list through: a credentials id and API URL (both resolved), and a job to look it up in. */
    public record Target(
            String credentialsId,
            String apiUrl,
            @CheckForNull String jobFullName) {

        /** The connection in words, for the page and the log. */
        public String label() {
            return Messages.FleetSweep_target(credentialsId, apiUrl);
        }

        boolean sameAccount(Target other) {
            return credentialsId.equals(other.credentialsId) && apiUrl.equals(other.apiUrl);
        }
    }

    public FleetSweep() {
        super("NetMind fleet sweep");
    }

    /** The sweep of this controller. */
    public static FleetSweep get() {
        return ExtensionList.lookupSingleton(FleetSweep.class);
    }

    @Override
    public long getRecurrencePeriod() {
        return Math.max(1000L, Long.getLong(PERIOD_PROPERTY, DEFAULT_PERIOD));
    }

    /** One period plus a random fifth of it, so that controllers started together do not sweep in step. */
    @Override
    public long getInitialDelay() {
        long period = getRecurrencePeriod();
        return period + ThreadLocalRandom.current().nextLong(Math.max(1L, period / 5));
    }

    @Override
    protected Level getNormalLoggingLevel() {
        return Level.FINE;
    }

    /** Starts a sweep and returns at once; the sweep runs on futures. */
    @Override
    protected void execute(TaskListener listener) {
        sweepNow();
    }

    /** The last sweep's report, or null before the first has ended. */
    @CheckForNull
    public SweepReport getLastRun() {
        return lastRun;
    }

    /**
     * Sweeps now, or joins the sweep already running. Returns at once; the future completes with the report (never
     * exceptionally).
     */
    public CompletableFuture<SweepReport> sweepNow() {
        CompletableFuture<SweepReport> mine = new CompletableFuture<>();
        CompletableFuture<SweepReport> current = running.compareAndExchange(null, mine);
        if (current != null) {
            return current;
        }
        Instant started = Instant.now();
        CompletableFuture<SweepReport> sweep;
        try {
            sweep = snapshot().thenCompose(listings -> deleteSwept(started, listings));
        } catch (RuntimeException e) {
            sweep = CompletableFuture.failedFuture(e);
        }
        sweep.whenComplete((report, failure) -> {
            SweepReport result = report;
            if (failure != null) {
                LOGGER.log(Level.WARNING, Messages.FleetSweep_failed(messageOf(failure)), failure);
                result = new SweepReport(
                        started,
                        Instant.now(),
                        List.of(),
                        Map.of(),
                        List.of(),
                        List.of(Messages.FleetSweep_failed(messageOf(failure))),
                        List.of());
            }
            lastRun = result;
            running.set(null);
            mine.complete(result);
        });
        return mine;
    }

    /**
     * Lists and classifies the endpoints of every connection, deleting nothing (for the page). The future completes
     * with one listing per connection (a connection that failed carries its error), never exceptionally.
     */
    public CompletableFuture<List<FleetListing>> snapshot() {
        return lister.snapshot();
    }

    /**
     * Lists and classifies through {@code connection} only (one a step made for its build, with the build's right to
     * use the credential), deleting nothing. Never fails: a failure is the listing's error.
     */
    public CompletableFuture<FleetListing> snapshot(Connection connection) {
        return lister.snapshot(connection);
    }

    private CompletableFuture<SweepReport> deleteSwept(Instant started, List<FleetListing> listings) {
        List<String> connections = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<FleetState, Integer> counts = new EnumMap<>(FleetState.class);
        Map<String, CompletableFuture<SweepReport.Deletion>> deletions = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (FleetListing listing : listings) {
            connections.add(listing.target().label());
            if (listing.error() != null) {
                errors.add(Messages.FleetSweep_cannotList(listing.target().label(), listing.error()));
                continue;
            }
            if (!listing.listSupported()) {
                notes.add(Messages.FleetSweep_noListRoute(listing.target().label()));
            }
            for (FleetRow row : listing.rows()) {
                if (!seen.add(listing.target().apiUrl() + " " + row.serviceId())) {
                    continue; // the same account through another credential
                }
                counts.merge(row.state(), 1, Integer::sum);
                if (row.state().isSwept() && listing.connection() != null) {
                    deletions.put(row.serviceId(), delete(listing.connection(), row));
                }
            }
        }
        return CompletableFuture.allOf(deletions.values().toArray(CompletableFuture[]::new))
                .thenApply(ignored -> {
                    List<SweepReport.Deletion> done = new ArrayList<>();
                    for (CompletableFuture<SweepReport.Deletion> d : deletions.values()) {
                        SweepReport.Deletion deletion = d.join();
                        done.add(deletion);
                        if (!deletion.isGone()) {
                            errors.add(deletion.toString());
                        }
                    }
                    SweepReport report =
                            new SweepReport(started, Instant.now(), connections, counts, done, errors, notes);
                    LOGGER.fine(report::toString);
                    return report;
                });
    }

    /**
     * Deletes {@code row} through {@code connection} with the engine's teardown, into the registry's record of it
     * when there is one (it becomes DELETED only once NetMind confirms). An EXPIRED endpoint is marked first, so that
     * a later step of its build fails saying its lifetime ran out. Never fails: a failure is the deletion's outcome.
     */
    CompletableFuture<SweepReport.Deletion> delete(Connection connection, FleetRow row) {
        String reason = Fleet.reason(row);
        String serviceId = row.serviceId();
        try {
            LOGGER.info(Messages.FleetSweep_deleting(row.name(), serviceId, connection.apiUrl(), reason));
            RecordedEndpoint record = EndpointRegistry.get().getEndpoints().stream()
                    .filter(r -> serviceId.equals(r.getServiceId()))
                    .findFirst()
                    .orElse(null);
            if (row.state() == FleetState.EXPIRED) {
                ExpiredEndpoints.get().mark(serviceId, row.name(), lifetimeMinutes(row, record), clock.instant());
            }
            Ledger ledger = record == null
                    ? untracked(row)
                    : BuildLedger.forSweep(
                            NetMindLedgers.findRun(record.getRunId()),
                            record.getBuildKey(),
                            record.getRunId(),
                            EndpointRegistry.get(),
                            RecordedConnection.of(record),
                            r -> serviceId.equals(r.getServiceId()));
            LogSink log = line -> LOGGER.info(Messages.FleetSweep_line(line));
            return connection
                    .engine()
                    .teardown(List.of(serviceId), ledger, log)
                    .thenApply(report -> outcome(row, reason, report))
                    .exceptionally(e -> failed(row, reason, messageOf(e)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(row, reason, messageOf(e)));
        }
    }

    /** A ledger of its own for an endpoint no registry tracks, so that the teardown names it and estimates its cost. */
    private static Ledger untracked(FleetRow row) {
        InMemoryLedger ledger = new InMemoryLedger();
        if (row.name() != null) {
            BigDecimal perInstance = row.pricePerHour() == null || row.instances() < 1
                    ? null
                    : row.pricePerHour().divide(BigDecimal.valueOf(row.instances()), 8, RoundingMode.HALF_UP);
            ledger.put(new LedgerEntry(
                    row.name(),
                    row.serviceId(),
                    LedgerEntry.State.CREATED,
                    clock.instant(),
                    row.flavorId(),
                    row.instances(),
                    perInstance,
                    row.paymentType(),
                    row.createdAt()));
        }
        return ledger;
    }

    private static SweepReport.Deletion outcome(FleetRow row, String reason, TeardownReport report) {
        TeardownReport.Item item =
                report.items().isEmpty() ? null : report.items().get(0);
        if (item != null && item.isGone()) {
            String outcome = item.outcome() == TeardownReport.Outcome.DELETED
                    ? Messages.FleetSweep_deleted()
                    : Messages.FleetSweep_alreadyGone();
            LOGGER.info(Messages.FleetSweep_done(row.name(), row.serviceId(), outcome, reason));
            return new SweepReport.Deletion(row.name(), row.serviceId(), row.state(), reason, true, outcome);
        }
        return failed(row, reason, item == null ? "" : item.message());
    }

    private static SweepReport.Deletion failed(FleetRow row, String reason, String message) {
        String outcome = Messages.FleetSweep_notConfirmed(message);
        LOGGER.warning(Messages.FleetSweep_done(row.name(), row.serviceId(), outcome, reason));
        return new SweepReport.Deletion(row.name(), row.serviceId(), row.state(), reason, false, outcome);
    }

    /** The lifetime that ran out, in whole minutes: from the creation (as recorded here, else NetMind's) to the expiry. */
    private static long lifetimeMinutes(FleetRow row, @CheckForNull RecordedEndpoint record) {
        Instant created = record == null ? null : record.toEntry().createdAt();
        if (created == null && record != null) {
            created = record.toEntry().recordedAt();
        }
        if (created == null) {
            created = row.createdAt();
        }
        if (created == null || row.expires() == null) {
            return 0;
        }
        return Math.max(
                0, Duration.between(created, row.expires()).plusSeconds(30).toMinutes());
    }

    static String messageOf(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
