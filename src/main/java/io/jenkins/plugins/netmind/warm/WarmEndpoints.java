package io.jenkins.plugins.netmind.warm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.LogSinks;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.connection.NetMindThreads;
import io.jenkins.plugins.netmind.connection.TimerScheduler;
import io.jenkins.plugins.netmind.lifecycle.DeployResult;
import io.jenkins.plugins.netmind.lifecycle.DeploySpec;
import io.jenkins.plugins.netmind.lifecycle.Ledger;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.lifecycle.LogSink;
import io.jenkins.plugins.netmind.lifecycle.WarmPool;
import io.jenkins.plugins.netmind.record.ControllerCapacity;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import io.jenkins.plugins.netmind.record.WarmRecords;
import io.jenkins.plugins.netmind.safetynet.SafetyNet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The controller's warm pool (issue 13): the Jenkins side of {@link WarmPool}. Builds that asked for {@code
 * keepWarmMinutes} park their endpoint here when they are done with it ({@link #parkDone}), unless the build failed or
 * was aborted (then it is deleted, unless {@code keepWarmOnFailure}); a later deploy with the same settings leases it
 * ({@link #reuse}). The registry is the record: an endpoint's record moves from the build to the pool and from the pool
 * to the next build in one write each ({@link WarmRecords}). Parked endpoints survive a restart: the pool is rebuilt
 * from the registry at startup, and an endpoint whose idle time ran out meanwhile is deleted then. Idle timers run on
 * Jenkins' timer (no thread is held); an expired endpoint is deleted by the safety net, with its retries.
 *
 * <p>Feature switch: the global {@code maxKeepWarmMinutes}; 0 (the default) turns it off, and a step's {@code
 * keepWarmMinutes} is then ignored with a line in the build log (not refused: an administrator switching the feature
 * off must not break pipelines).
 */
@Extension
public final class WarmEndpoints {

    private static final Logger LOGGER = Logger.getLogger(WarmEndpoints.class.getName());

    /** Test only, never set in production: the length of one keep-warm minute, so tests can expire quickly. */
    @Restricted(NoExternalUse.class)
    public static volatile Duration minuteForTests;

    private volatile WarmPool pool;

    /** The controller's pool. */
    public static WarmEndpoints get() {
        return ExtensionList.lookupSingleton(WarmEndpoints.class);
    }

    /** The pool, created on first use on Jenkins' timer. */
    public WarmPool pool() {
        WarmPool p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = new WarmPool(TimerScheduler.on(Timer.get()), Clock.systemUTC(), this::idle);
                }
                p = pool;
            }
        }
        return p;
    }

    /**
     * The keep-warm minutes a deploy asking for {@code asked} gets: 0 when it asks none; 0 with a log line while an
     * administrator has not allowed warm endpoints; else the minutes asked, cut to the global maximum (with a line).
     */
    public static int minutesFor(int asked, LogSink log) {
        if (asked <= 0) {
            return 0;
        }
        int max = NetMindGlobalConfiguration.get().getMaxKeepWarmMinutes();
        if (max <= 0) {
            log.log(Messages.WarmEndpoints_off(Integer.toString(asked)));
            return 0;
        }
        if (asked > max) {
            log.log(Messages.WarmEndpoints_cut(Integer.toString(asked), Integer.toString(max)));
            return max;
        }
        return asked;
    }

    /** Whether {@code run} failed or was aborted so far (an unstable build did neither). */
    public static boolean failed(Run<?, ?> run) {
        Result result = run.getResult();
        return result != null && result.isWorseThan(Result.UNSTABLE);
    }

    /**
     * Tries to hand {@code run} a parked endpoint with the settings of {@code spec} and the connection's credential and
     * API URL, checked before it is handed out ({@link io.jenkins.plugins.netmind.lifecycle.EndpointEngine#reuse}).
     * The build then owns it, asking to keep it warm for {@code minutes} (and on failure when {@code onFailure}).
     * Completes empty when the caller must deploy; never fails.
     */
    public CompletableFuture<Optional<DeployResult>> reuse(
            Run<?, ?> run,
            Connection connection,
            DeploySpec spec,
            int minutes,
            boolean onFailure,
            Ledger ledger,
            LogSink log) {
        WarmPool.Key key = WarmPool.Key.of(spec, connection.credentialsId(), connection.apiUrl());
        WarmPool.Claimer claimer = parked -> claim(run, connection, parked, key, minutes, onFailure, log);
        return connection.engine().reuse(pool(), key, spec, claimer, ledger, log);
    }

    /**
     * Takes a leased endpoint over for {@code run}: only when the build's token is the one the endpoint was created
     * with (a credential of another folder with the same id is another account), by moving its record.
     */
    private static boolean claim(
            Run<?, ?> run,
            Connection connection,
            WarmPool.Parked parked,
            WarmPool.Key key,
            int minutes,
            boolean onFailure,
            LogSink log) {
        RecordedEndpoint pooled = WarmRecords.parkedRecord(parked.serviceId()).orElse(null);
        if (pooled == null) {
            return false;
        }
        Connection origin;
        try {
            origin = NetMindConnector.connectForCleanup(
                    null, pooled.getJobFullName(), pooled.getCredentialsId(), pooled.getApiUrl());
        } catch (AbortException e) {
            log.log(Messages.WarmEndpoints_otherAccount(pooled.getName(), pooled.getServiceId()));
            return false;
        }
        if (!origin.sameTokenAs(connection)) {
            log.log(Messages.WarmEndpoints_otherAccount(pooled.getName(), pooled.getServiceId()));
            return false;
        }
        return WarmRecords.takeOver(run, pooled, Instant.now(), key.text(), minutes, onFailure);
    }

    /**
     * Records that {@code run} asked to keep its freshly deployed endpoint warm: call before the step hands the
     * endpoint on, so that a teardown that follows at once already knows.
     */
    public static void noteKeptWarm(
            Run<?, ?> run,
            Connection connection,
            DeploySpec spec,
            DeployResult result,
            int minutes,
            boolean onFailure) {
        WarmRecords.noteKeptWarm(
                run,
                result.name(),
                WarmPool.Key.of(spec, connection.credentialsId(), connection.apiUrl())
                        .text(),
                minutes,
                onFailure,
                result.availableAt());
    }

    /**
     * {@code run} is done with its endpoints {@code serviceIds} (null: all of them): parks those it asked to keep warm,
     * unless warm endpoints are off or the build {@code failed} (and did not ask {@code keepWarmOnFailure}). Says in
     * {@code log} what it parked and what it did not. Returns the service ids parked; the caller deletes the rest.
     */
    public Set<String> parkDone(
            Run<?, ?> run, @CheckForNull Collection<String> serviceIds, boolean failed, LogSink log) {
        Set<String> parked = new LinkedHashSet<>();
        for (RecordedEndpoint r : WarmRecords.pendingOf(run)) {
            if (serviceIds != null && !serviceIds.contains(r.getServiceId())) {
                continue;
            }
            if (r.getWarmKey() == null
                    || r.getKeepWarmMinutes() <= 0
                    || r.getServiceId() == null
                    || r.getState() != LedgerEntry.State.CREATED) {
                continue;
            }
            int max = NetMindGlobalConfiguration.get().getMaxKeepWarmMinutes();
            if (max <= 0) {
                log.log(Messages.WarmEndpoints_notParkedOff(r.getName(), r.getServiceId()));
                continue;
            }
            if (failed && !r.isKeepWarmOnFailure()) {
                log.log(Messages.WarmEndpoints_notParkedFailed(r.getName(), r.getServiceId()));
                continue;
            }
            WarmPool.Key key;
            try {
                key = WarmPool.Key.parse(r.getWarmKey());
            } catch (IllegalArgumentException e) {
                continue;
            }
            int minutes = Math.min(r.getKeepWarmMinutes(), max);
            Instant now = Instant.now();
            Instant until = now.plus(minute().multipliedBy(minutes)).truncatedTo(ChronoUnit.SECONDS);
            Optional<RecordedEndpoint> pooled = WarmRecords.handOver(run, r, now, until);
            if (pooled.isEmpty()) {
                continue;
            }
            pool().park(new WarmPool.Parked(key, toResult(pooled.get()), now, until));
            log.log(Messages.WarmEndpoints_parked(r.getName(), r.getServiceId(), Integer.toString(minutes), until));
            parked.add(r.getServiceId());
        }
        return parked;
    }

    /** A parked endpoint's record as the deploy result it stood for. */
    static DeployResult toResult(RecordedEndpoint r) {
        return new DeployResult(
                r.getServiceId(),
                r.getName(),
                r.getUrl() == null ? null : URI.create(r.getUrl()),
                null,
                r.getFlavorId(),
                r.getGpuName(),
                r.getInstances(),
                r.getPricePerHour(),
                r.getPaymentType(),
                instant(r.getCreatedAt()),
                instant(r.getAvailableAt()),
                r.getRegion());
    }

    /** The idle time of a parked endpoint ran out: the safety net deletes it (the pool's record keeps it until then). */
    private void idle(WarmPool.Parked parked) {
        Optional<RecordedEndpoint> record = WarmRecords.parkedRecord(parked.serviceId());
        if (record.isEmpty()) {
            return; // leased or deleted meanwhile
        }
        LOGGER.info(Messages.WarmEndpoints_expired(parked.endpoint().name(), parked.serviceId()));
        NetMindThreads.executor().execute(() -> SafetyNet.deleteParked(record.get()));
    }

    /**
     * A deploy has to wait for capacity (issue 12's guard): every parked endpoint gives its room up and is deleted, so
     * that an endpoint kept warm for a build that may never come never keeps a waiting build waiting. Says so in the
     * waiting build's log.
     */
    void makeRoom(LogSink log) {
        for (WarmPool.Parked parked : pool().parked()) {
            if (pool().remove(parked.serviceId()).isEmpty()) {
                continue; // leased meanwhile
            }
            Optional<RecordedEndpoint> record = WarmRecords.parkedRecord(parked.serviceId());
            if (record.isEmpty()) {
                continue; // deleted meanwhile
            }
            String line = Messages.WarmEndpoints_makingRoom(parked.endpoint().name(), parked.serviceId());
            log.log(line);
            LOGGER.info(line);
            NetMindThreads.executor().execute(() -> SafetyNet.deleteParked(record.get()));
        }
    }

    /** Parks again what the registry says was parked before the restart; deletes what cannot be parked. */
    void restore() {
        for (RecordedEndpoint r : EndpointRegistry.get().parked()) {
            WarmPool.Key key = null;
            try {
                key = r.getWarmKey() == null ? null : WarmPool.Key.parse(r.getWarmKey());
            } catch (IllegalArgumentException e) {
                // not parkable: deleted below
            }
            Instant parkedAt = instant(r.getParkedAt());
            Instant until = instant(r.getIdleUntil());
            if (key == null
                    || parkedAt == null
                    || until == null
                    || r.getServiceId() == null
                    || r.getState() != LedgerEntry.State.CREATED) {
                LOGGER.info(Messages.WarmEndpoints_unclear(r.getName(), r.getServiceId()));
                SafetyNet.deleteParked(r);
                continue;
            }
            if (!until.isAfter(Instant.now())) {
                LOGGER.info(Messages.WarmEndpoints_expiredWhileDown(r.getName(), r.getServiceId()));
                SafetyNet.deleteParked(r);
                continue;
            }
            LOGGER.info(Messages.WarmEndpoints_restored(r.getName(), r.getServiceId(), until));
            pool().park(new WarmPool.Parked(key, toResult(r), parkedAt, until));
        }
    }

    /** Rebuilds the pool from the registry once jobs can be loaded; does not delay startup. */
    @Initializer(after = InitMilestone.JOB_CONFIG_ADAPTED)
    public static void restoreAtStartup() {
        WarmEndpoints warm = get();
        NetMindThreads.executor().execute(() -> {
            try {
                ControllerCapacity.guard().onQueued(warm::makeRoom);
                warm.restore();
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, Messages.WarmEndpoints_restoreFailed(), e);
            }
        });
    }

    private static Duration minute() {
        Duration d = minuteForTests;
        return d != null ? d : Duration.ofMinutes(1);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * At the end of a build (before the safety net deletes what it left), parks the endpoints it asked to keep warm;
     * the build's result decides (a failed or aborted build parks only with {@code keepWarmOnFailure}).
     */
    @Extension(ordinal = 100) // before SafetyNet (ordinal 0): what is parked is no longer the build's to delete
    public static final class AtBuildEnd extends RunListener<Run<?, ?>> {
        @Override
        public void onCompleted(Run<?, ?> run, TaskListener listener) {
            if (WarmRecords.pendingOf(run).stream().anyMatch(r -> r.getWarmKey() != null)) {
                get().parkDone(run, null, failed(run), LogSinks.of(listener));
            }
        }
    }
}
