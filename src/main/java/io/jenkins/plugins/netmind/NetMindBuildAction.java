package io.jenkins.plugins.netmind;

import hudson.model.Run;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * The NetMind endpoints one build created, saved with the build: names, service ids, states, flavors and prices, plus
 * the credentials id (never the token) and API URL the safety net needs to delete what is left. Shown on the build's
 * page; adds no sidebar link.
 */
public class NetMindBuildAction implements RunAction2 {

    /** Replaced, never changed in place (see {@link #record}). */
    private volatile List<RecordedEndpoint> endpoints = new ArrayList<>();

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
                .map(existing -> existing.with(entry))
                .orElseGet(() -> RecordedEndpoint.of(runId, createdWith.credentialsId(), createdWith.apiUrl(), entry));
        // copy on write: Run.save() serialises this list without this action's lock, possibly while another
        // endpoint of the build is being recorded; it must never see the list change under it
        List<RecordedEndpoint> changed = new ArrayList<>(endpoints);
        EndpointRecords.upsert(changed, saved, false);
        endpoints = changed;
        return saved;
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
