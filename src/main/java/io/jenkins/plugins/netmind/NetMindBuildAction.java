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

    private String credentialsId;
    private String apiUrl;
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

    /** The credentials id this build last connected with, or {@code null}. */
    public synchronized String getCredentialsId() {
        return credentialsId;
    }

    /** The NetMind API URL this build last connected to, or {@code null}. */
    public synchronized String getApiUrl() {
        return apiUrl;
    }

    /** Remembers the connection later entries are created with. */
    synchronized void noteConnection(String credentialsId, String apiUrl) {
        this.credentialsId = credentialsId;
        this.apiUrl = apiUrl;
    }

    /**
     * Records {@code entry}; a new endpoint is stamped with the build's current connection, a known one keeps the
     * connection it was created with.
     *
     * @return the record as saved
     */
    synchronized RecordedEndpoint record(String runId, LedgerEntry entry) {
        String connectedWith = credentialsId;
        String connectedTo = apiUrl;
        RecordedEndpoint saved = EndpointRecords.find(endpoints, entry.name())
                .map(existing -> existing.with(entry))
                .orElseGet(() -> RecordedEndpoint.of(runId, connectedWith, connectedTo, entry));
        // copy on write: Run.save() serialises this list without this action's lock, possibly while another
        // endpoint of the build is being recorded; it must never see the list change under it
        List<RecordedEndpoint> changed = new ArrayList<>(endpoints);
        EndpointRecords.upsert(changed, saved, false);
        endpoints = changed;
        return saved;
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
