package io.jenkins.plugins.netmind;

import hudson.model.Run;
import io.jenkins.plugins.netmind.lifecycle.Ledger;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link Ledger} that writes every change both to the build's {@link NetMindBuildAction} (saving the build) and to
 * the {@link EndpointRegistry} (saving it). Without a build (deleted, or gone after a restart) it reads and writes the
 * registry only. A scope limits which endpoints it shows, so the safety net can tear down one connection's endpoints
 * at a time.
 */
final class BuildLedger implements Ledger {

    private static final Logger LOGGER = Logger.getLogger(BuildLedger.class.getName());

    private final Run<?, ?> run;
    private final NetMindBuildAction action;
    private final String runId;
    private final EndpointRegistry registry;
    private final RecordedConnection stamp;
    private final Predicate<RecordedEndpoint> scope;

    private BuildLedger(
            Run<?, ?> run,
            NetMindBuildAction action,
            String runId,
            EndpointRegistry registry,
            RecordedConnection stamp,
            Predicate<RecordedEndpoint> scope) {
        this.run = run;
        this.action = action;
        this.runId = runId;
        this.registry = registry;
        this.stamp = stamp;
        this.scope = scope;
    }

    /**
     * The ledger of {@code run}, writing to its action (created if needed) and to the registry; new endpoints are
     * recorded as created with {@code stamp}.
     */
    static BuildLedger of(
            Run<?, ?> run, EndpointRegistry registry, RecordedConnection stamp, Predicate<RecordedEndpoint> scope) {
        return new BuildLedger(run, NetMindLedgers.actionOf(run), run.getExternalizableId(), registry, stamp, scope);
    }

    /** The registry's ledger of a build that no longer exists (or must not be saved again). */
    static BuildLedger registryOnly(
            String runId, EndpointRegistry registry, RecordedConnection stamp, Predicate<RecordedEndpoint> scope) {
        return new BuildLedger(null, null, runId, registry, stamp, scope);
    }

    @Override
    public void put(LedgerEntry entry) {
        RecordedEndpoint saved;
        if (action != null) {
            saved = action.record(runId, entry, stamp);
            saveRun();
        } else {
            saved = registry.find(runId, entry.name())
                    .map(existing -> existing.with(entry))
                    .orElseGet(() -> RecordedEndpoint.of(runId, stamp.credentialsId(), stamp.apiUrl(), entry));
        }
        registry.record(saved);
    }

    @Override
    public Optional<LedgerEntry> get(String name) {
        return EndpointRecords.find(records(), name).map(RecordedEndpoint::toEntry);
    }

    @Override
    public List<LedgerEntry> entries() {
        return records().stream().map(RecordedEndpoint::toEntry).toList();
    }

    /** The records this ledger shows. */
    List<RecordedEndpoint> records() {
        List<RecordedEndpoint> all = action != null ? action.getEndpoints() : registry.forRun(runId);
        return all.stream().filter(scope).toList();
    }

    private void saveRun() {
        if (!run.getRootDir().isDirectory()) {
            // the build was deleted while its endpoints were being deleted: saving it would bring its directory back
            return;
        }
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, Messages.BuildLedger_saveFailed(runId), e);
        }
    }
}
