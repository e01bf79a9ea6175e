package io.jenkins.plugins.netmind.record;

import edu.umd.cs.findbugs.annotations.CheckForNull;
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
 * the {@link EndpointRegistry} (saving it). A build's steps read the build's record ({@link #of}); the safety net reads
 * the registry, its source of truth, and keeps the build's record in step for display when the build still exists
 * ({@link #forSweep}). A scope limits which endpoints it shows, so the safety net can tear down one connection's
 * endpoints at a time.
 */
public final class BuildLedger implements Ledger {

    private static final Logger LOGGER = Logger.getLogger(BuildLedger.class.getName());

    private final Run<?, ?> run;
    private final String buildKey;
    private final String runId;
    private final EndpointRegistry registry;
    private final RecordedConnection stamp;
    private final Predicate<RecordedEndpoint> scope;
    private final boolean readsRegistry;

    private BuildLedger(
            @CheckForNull Run<?, ?> run,
            String buildKey,
            String runId,
            EndpointRegistry registry,
            RecordedConnection stamp,
            Predicate<RecordedEndpoint> scope,
            boolean readsRegistry) {
        this.run = run;
        this.buildKey = buildKey;
        this.runId = runId;
        this.registry = registry;
        this.stamp = stamp;
        this.scope = scope;
        this.readsRegistry = readsRegistry;
    }

    /**
     * The ledger of {@code run} for its steps: reads and writes its action (created if needed), writes the registry;
     * new endpoints are recorded as created with {@code stamp}.
     */
    static BuildLedger of(
            Run<?, ?> run, EndpointRegistry registry, RecordedConnection stamp, Predicate<RecordedEndpoint> scope) {
        String key = NetMindLedgers.actionOf(run).getKey();
        return new BuildLedger(run, key, run.getExternalizableId(), registry, stamp, scope, false);
    }

    /**
     * The safety net's ledger of the build with key {@code buildKey}: reads the registry; writes it and, when {@code
     * run} is given (the build exists and may be saved), the build's record.
     */
    public static BuildLedger forSweep(
            @CheckForNull Run<?, ?> run,
            String buildKey,
            String runId,
            EndpointRegistry registry,
            RecordedConnection stamp,
            Predicate<RecordedEndpoint> scope) {
        return new BuildLedger(
                run, buildKey, runId, registry, stamp, r -> buildKey.equals(r.getBuildKey()) && scope.test(r), true);
    }

    @Override
    public void put(LedgerEntry entry) {
        RecordedEndpoint saved;
        if (readsRegistry) {
            saved = registry.find(buildKey, entry.name())
                    .map(existing -> existing.with(entry))
                    .orElseGet(
                            () -> RecordedEndpoint.of(buildKey, runId, stamp.credentialsId(), stamp.apiUrl(), entry));
            if (run != null) {
                NetMindLedgers.actionOf(run).show(saved);
            }
        } else {
            saved = NetMindLedgers.actionOf(run).record(runId, entry, stamp);
        }
        if (run != null) {
            saveRun();
        }
        registry.record(saved);
    }

    /**
     * One lock for the whole build: every {@code forRun} call makes a new ledger, so locking this object would let two
     * parallel branches both pass the name check of {@link #putIntent}.
     */
    @Override
    public Object intentLock() {
        return run != null ? NetMindLedgers.actionOf(run) : registry;
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
    public List<RecordedEndpoint> records() {
        List<RecordedEndpoint> all = readsRegistry
                ? registry.getEndpoints()
                : NetMindLedgers.actionOf(run).getEndpoints();
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
