package io.jenkins.plugins.netmind.record;

import hudson.model.Run;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the warm pool's hand-overs are recorded (issue 13). An endpoint's registry record moves, in one write each time,
 * from the build that used it to the pool ({@link #handOver}) and from the pool to the build that leases it ({@link
 * #takeOver}): at every moment exactly one record holds it, so a crash anywhere leaves it with a build (the safety net
 * deletes it when that build is not running) or with the pool (the idle timer deletes it). The builds' own records
 * follow for their pages.
 */
public final class WarmRecords {

    private static final Logger LOGGER = Logger.getLogger(WarmRecords.class.getName());

    private WarmRecords() {}

    /**
     * Notes on the build's endpoint {@code name} that the build asked to keep it warm (pool key, minutes, whether a
     * failed build parks it too) and when it became available: in the registry and on the build's record.
     */
    public static void noteKeptWarm(
            Run<?, ?> run, String name, String key, int minutes, boolean onFailure, Instant availableAt) {
        NetMindBuildAction action = NetMindLedgers.actionOf(run);
        EndpointRegistry registry = EndpointRegistry.get();
        Optional<RecordedEndpoint> registered = registry.find(action.getKey(), name);
        if (registered.isEmpty()) {
            return; // already gone (or never recorded): nothing to keep warm
        }
        RecordedEndpoint warm = registered.get().keptWarm(key, minutes, onFailure, availableAt);
        EndpointRecords.find(action.getEndpoints(), name)
                .ifPresent(shown -> action.show(shown.keptWarm(key, minutes, onFailure, availableAt)));
        save(run);
        registry.record(warm);
    }

    /** The build's endpoints the registry holds (its source of truth), not confirmed gone. */
    public static List<RecordedEndpoint> pendingOf(Run<?, ?> run) {
        NetMindBuildAction action = run.getAction(NetMindBuildAction.class);
        if (action == null) {
            return List.of();
        }
        return EndpointRegistry.get().forBuild(action.getKey(), run.getExternalizableId());
    }

    /**
     * Hands the build's endpoint ({@code record}, as the registry holds it) to the warm pool, parked from {@code at}
     * until {@code until}. Returns the pool's record, or empty when the registry no longer holds {@code record} (it
     * changed meanwhile).
     */
    public static Optional<RecordedEndpoint> handOver(
            Run<?, ?> run, RecordedEndpoint record, Instant at, Instant until) {
        RecordedEndpoint pooled = record.parkedInPool(at, until);
        if (!EndpointRegistry.get().move(record, pooled)) {
            return Optional.empty();
        }
        NetMindBuildAction action = NetMindLedgers.actionOf(run);
        EndpointRecords.find(action.getEndpoints(), record.getName())
                .ifPresent(shown -> action.show(shown.handedToPool(at, until)));
        save(run);
        return Optional.of(pooled);
    }

    /**
     * Moves the pool's record of a leased endpoint to {@code run}, which asked to keep it warm as given. Returns false
     * when the pool's record is gone (deleted meanwhile).
     */
    public static boolean takeOver(
            Run<?, ?> run, RecordedEndpoint pooled, Instant now, String key, int minutes, boolean onFailure) {
        NetMindBuildAction action = NetMindLedgers.actionOf(run);
        RecordedEndpoint leased =
                pooled.leasedTo(action.getKey(), run.getExternalizableId(), now, key, minutes, onFailure);
        if (!EndpointRegistry.get().move(pooled, leased)) {
            return false;
        }
        action.show(leased);
        save(run);
        return true;
    }

    /**
     * Whether {@code run} handed its endpoint {@code serviceId} to the warm pool (and has not taken it back): it is
     * then not the build's to delete, even when a step runs again after a restart.
     */
    public static boolean handedOver(Run<?, ?> run, String serviceId) {
        NetMindBuildAction action = run.getAction(NetMindBuildAction.class);
        return action != null
                && action.getEndpoints().stream()
                        .anyMatch(r -> serviceId.equals(r.getServiceId()) && r.isDeleted() && r.getParkedAt() != null);
    }

    /** The pool's record of the parked endpoint {@code serviceId}, if any. */
    public static Optional<RecordedEndpoint> parkedRecord(String serviceId) {
        return EndpointRegistry.get().parked().stream()
                .filter(r -> serviceId.equals(r.getServiceId()))
                .findFirst();
    }

    private static void save(Run<?, ?> run) {
        if (!run.getRootDir().isDirectory()) {
            return;
        }
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, Messages.BuildLedger_saveFailed(run.getExternalizableId()), e);
        }
    }
}
