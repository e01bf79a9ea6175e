package io.jenkins.plugins.netmind.record;

import hudson.Extension;
import hudson.ExtensionList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The controller-wide record of every NetMind endpoint this controller created and NetMind has not yet confirmed gone,
 * saved in {@code JENKINS_HOME/io.jenkins.plugins.netmind.record.EndpointRegistry.xml} on each change so that a restart
 * forgets nothing. An entry is dropped once it is DELETED. Holds no secret. It is the safety net's source of truth
 * (a build's own record is for display and may miss an entry whose save failed). Entries are keyed by the build's
 * key ({@link RecordedEndpoint#getBuildKey()}), which a rename or move of the job does not change; their run ids
 * follow renames and moves ({@link #relocated}) so that the build can still be found.
 */
@Extension
public final class EndpointRegistry {

    private static final Logger LOGGER = Logger.getLogger(EndpointRegistry.class.getName());

    /** The name it had in the root package: moving the class must not lose the leftovers it records. */
    private static final HomeFile FILE = new HomeFile(
            SavedForms.OLD_PACKAGE + "EndpointRegistry.xml",
            LOGGER,
            Messages::EndpointRegistry_loadFailed,
            Messages::EndpointRegistry_saveFailed);

    private List<RecordedEndpoint> endpoints = new ArrayList<>();
    private transient boolean loaded;

    /** Counts the changes to {@link #endpoints}; guarded by this. */
    private transient long changes;

    /** Taken by the one thread that writes the file; never taken while holding this. */
    private final transient Object saving = new Object();

    /** The number of changes the file holds; guarded by {@link #saving}. */
    private transient long saved;

    /** The registry of this controller. */
    public static EndpointRegistry get() {
        return ExtensionList.lookupSingleton(EndpointRegistry.class);
    }

    /**
     * Records {@code record}, replacing the record of the same endpoint of the same build, and returns once the file
     * holds it. Changes recorded at the same time share one write (each write syncs the file to disk, tens of
     * milliseconds): hundreds of builds recording at once wait for a few writes instead of queueing for one each.
     */
    public void record(RecordedEndpoint record) {
        ConnectionHistory.get().note(record); // the fleet sweep lists through it (issue 11)
        long change;
        synchronized (this) {
            load();
            EndpointRecords.upsert(endpoints, record, true);
            change = ++changes;
        }
        write(change);
    }

    /**
     * Moves an endpoint from one holder to another (a build to the warm pool, the pool to a build): drops the record
     * {@code from} and records {@code to} in one change and one write, so that at every moment, on disk too, exactly
     * one record holds the endpoint. Returns false, changing nothing, when {@code from} is not recorded (another
     * caller moved it first).
     */
    public boolean move(RecordedEndpoint from, RecordedEndpoint to) {
        long change;
        synchronized (this) {
            load();
            int at = -1;
            for (int i = 0; i < endpoints.size(); i++) {
                if (endpoints.get(i).sameEndpoint(from)) {
                    at = i;
                }
            }
            if (at < 0) {
                return false;
            }
            endpoints.remove(at);
            EndpointRecords.upsert(endpoints, to, true);
            change = ++changes;
        }
        write(change);
        return true;
    }

    /** The warm pool's records of parked endpoints ({@link RecordedEndpoint#isParked()}). */
    public synchronized List<RecordedEndpoint> parked() {
        load();
        return endpoints.stream().filter(RecordedEndpoint::isParked).toList();
    }

    /** Returns once the file holds change number {@code change} (see {@link #record}). */
    private void write(long change) {
        synchronized (saving) {
            if (saved >= change) {
                return; // written by another caller's write, which began after this change
            }
            long written;
            synchronized (this) {
                written = changes;
                save();
            }
            saved = written;
        }
    }

    /** Every endpoint not yet confirmed gone. */
    public synchronized List<RecordedEndpoint> getEndpoints() {
        load();
        return List.copyOf(endpoints);
    }

    /** The endpoints of the build now known as {@code runId} not yet confirmed gone. */
    public synchronized List<RecordedEndpoint> forRun(String runId) {
        load();
        // a parked endpoint still names the build that parked it, but belongs to the warm pool
        return endpoints.stream()
                .filter(r -> runId.equals(r.getRunId()) && !r.isParked())
                .toList();
    }

    /** The endpoints not yet confirmed gone of the build with key {@code buildKey} or now known as {@code runId}. */
    public synchronized List<RecordedEndpoint> forBuild(String buildKey, String runId) {
        load();
        return endpoints.stream()
                .filter(r -> buildKey.equals(r.getBuildKey()) || (runId.equals(r.getRunId()) && !r.isParked()))
                .toList();
    }

    /** The record of the endpoint {@code name} of the build with key {@code buildKey}. */
    public synchronized Optional<RecordedEndpoint> find(String buildKey, String name) {
        load();
        return endpoints.stream()
                .filter(r -> buildKey.equals(r.getBuildKey()) && r.getName().equals(name))
                .findFirst();
    }

    /**
     * The job {@code oldFullName} is now {@code newFullName} (renamed or moved): its builds' entries follow, and are
     * saved, so that the safety net still finds the builds.
     */
    public synchronized void relocated(String oldFullName, String newFullName) {
        load();
        String prefix = oldFullName + "#";
        boolean changed = false;
        for (int i = 0; i < endpoints.size(); i++) {
            RecordedEndpoint r = endpoints.get(i);
            if (r.getRunId() != null && r.getRunId().startsWith(prefix)) {
                endpoints.set(i, r.withRunId(newFullName + r.getRunId().substring(oldFullName.length())));
                changed = true;
            }
        }
        if (changed) {
            save();
        }
    }

    /** The builds that have endpoints not yet confirmed gone. */
    public synchronized Set<String> getRunIds() {
        load();
        Set<String> ids = new LinkedHashSet<>();
        endpoints.forEach(r -> ids.add(r.getRunId()));
        return ids;
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        FILE.readInto(this);
        if (endpoints == null) {
            endpoints = new ArrayList<>();
        }
    }

    private void save() {
        if (FILE.write(this)) {
            LOGGER.log(Level.FINE, () -> Messages.EndpointRegistry_saved(FILE.file()));
        }
    }
}
