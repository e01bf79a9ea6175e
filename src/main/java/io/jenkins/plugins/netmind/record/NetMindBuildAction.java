package io.jenkins.plugins.netmind.record;

import hudson.model.Run;
import io.jenkins.plugins.netmind.lifecycle.CapacityGuard;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jenkins.model.RunAction2;

/**
 * The NetMind endpoints one build created, saved with the build: names, service ids, states, flavors and prices, plus
 * the credentials id (never the token) and API URL the safety net needs to delete what is left. Shown on the build's
 * page; adds no sidebar link.
 */
public class NetMindBuildAction implements RunAction2 {

    /** Replaced, never changed in place (see {@link #record}). */
    private volatile List<RecordedEndpoint> endpoints = new ArrayList<>();

    /**
     * The build's key in the {@link EndpointRegistry}: random, so a rename or move of the job does not change it. A
     * record of the first release has none; {@link #onLoad} gives it the build's id, the key the registry used then.
     */
    private String key = UUID.randomUUID().toString();

    private transient Run<?, ?> run;

    /** Creates an empty record; {@link NetMindLedgers} attaches it to a build when the build first connects. */
    public NetMindBuildAction() {}

    /** The entries of this build in the order they were first recorded, DELETED ones included as history. */
    public synchronized List<LedgerEntry> getEntries() {
        return endpoints.stream().map(RecordedEndpoint::toEntry).toList();
    }

    /** The saved records, for the build page and the safety net. */
    public synchronized List<RecordedEndpoint> getEndpoints() {
        return List.copyOf(endpoints);
    }

    /**
     * Records {@code entry}; a new endpoint is recorded as created with {@code createdWith} (the connection of the step
     * that created it), a known one keeps the connection it was created with.
     *
     * @return the record as saved
     */
    synchronized RecordedEndpoint record(String runId, LedgerEntry entry, RecordedConnection createdWith) {
        RecordedEndpoint saved = EndpointRecords.find(endpoints, entry.name())
                .map(existing -> existing.with(entry).withRunId(runId))
                .orElseGet(() -> ControllerCapacity.stamp(RecordedEndpoint.of(
                        getKey(), runId, createdWith.credentialsId(), createdWith.apiUrl(), entry)));
        show(saved);
        return saved;
    }

    /** Shows {@code record} (as the registry holds it) on the build page, replacing the endpoint of the same name. */
    synchronized void show(RecordedEndpoint record) {
        // copy on write: Run.save() serialises this list without this action's lock, possibly while another
        // endpoint of the build is being recorded; it must never see the list change under it
        List<RecordedEndpoint> changed = new ArrayList<>(endpoints);
        int at = -1;
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i).getName().equals(record.getName())) {
                at = i;
            }
        }
        if (at < 0) {
            changed.add(record);
        } else {
            changed.set(at, record);
        }
        endpoints = changed;
    }

    /** The build's key in the registry (see {@link #key}). */
    public synchronized String getKey() {
        return key;
    }

    /**
     * Adds what the build page shows of an available endpoint (GPU display name, region, URL) to its record.
     *
     * @return whether the record was there to describe
     */
    synchronized boolean describe(String name, String gpuName, String region, String url) {
        RecordedEndpoint existing = EndpointRecords.find(endpoints, name).orElse(null);
        if (existing == null) {
            return false;
        }
        List<RecordedEndpoint> changed = new ArrayList<>(endpoints);
        EndpointRecords.upsert(changed, existing.describedAs(gpuName, region, url), false);
        endpoints = changed;
        return true;
    }

    /**
     * This controller's capacity in use against its limits, in words (the capacity guard, issue 12), or null when no
     * limit is set: the build page shows it under the endpoints.
     */
    public String getCapacityInUse() {
        CapacityGuard.Usage usage = ControllerCapacity.guard().usage();
        return usage.limits().any() ? usage.describe() : null;
    }

    /** One line per endpoint for the build page, in words (see {@link EndpointSummary}). */
    public List<EndpointSummary> getSummaries() {
        return getEndpoints().stream().map(EndpointSummary::new).toList();
    }

    /** The build this record belongs to, or {@code null} before it is attached. */
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
        synchronized (this) {
            if (key == null) {
                key = r.getExternalizableId();
            }
        }
    }

    /** Keeps old or hand-edited build.xml files loadable. */
    protected synchronized Object readResolve() {
        if (endpoints == null) {
            endpoints = new ArrayList<>();
        }
        return this;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.NetMindBuildAction_displayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
