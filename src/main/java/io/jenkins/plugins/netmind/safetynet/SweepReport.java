package io.jenkins.plugins.netmind.safetynet;

import io.jenkins.plugins.netmind.lifecycle.FleetState;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of the {@link FleetSweep} saw and did: when, through which connections, how many endpoints in each
 * state, what it deleted, and what went wrong. Immutable; read by the NetMind endpoints page.
 */
public final class SweepReport {

    /** One endpoint the sweep deleted (or tried to). */
    public static final class Deletion {
        private final String name;
        private final String serviceId;
        private final FleetState state;
        private final String reason;
        private final boolean gone;
        private final String outcome;

        Deletion(String name, String serviceId, FleetState state, String reason, boolean gone, String outcome) {
            this.name = name;
            this.serviceId = serviceId;
            this.state = state;
            this.reason = reason;
            this.gone = gone;
            this.outcome = outcome;
        }

        public String getName() {
            return name;
        }

        public String getServiceId() {
            return serviceId;
        }

        /** EXPIRED or ORPHAN. */
        public FleetState getState() {
            return state;
        }

        /** Why it was deleted, in words. */
        public String getReason() {
            return reason;
        }

        /** Whether NetMind confirmed it gone. */
        public boolean isGone() {
            return gone;
        }

        /** The outcome in words (deleted, already gone, or the failure). */
        public String getOutcome() {
            return outcome;
        }

        @Override
        public String toString() {
            return name + " (" + serviceId + "): " + reason + ": " + outcome;
        }
    }

    private final Instant startedAt;
    private final Instant finishedAt;
    private final List<String> connections;
    private final Map<FleetState, Integer> counts;
    private final List<Deletion> deletions;
    private final List<String> errors;
    private final List<String> notes;

    SweepReport(
            Instant startedAt,
            Instant finishedAt,
            List<String> connections,
            Map<FleetState, Integer> counts,
            List<Deletion> deletions,
            List<String> errors,
            List<String> notes) {
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.connections = List.copyOf(connections);
        EnumMap<FleetState, Integer> all = new EnumMap<>(FleetState.class);
        for (FleetState s : FleetState.values()) {
            all.put(s, counts.getOrDefault(s, 0));
        }
        this.counts = Collections.unmodifiableMap(all);
        this.deletions = List.copyOf(deletions);
        this.errors = List.copyOf(errors);
        this.notes = List.copyOf(notes);
    }

    /** When the sweep started. */
    public Instant getStartedAt() {
        return startedAt;
    }

    /** When it ended (every deletion confirmed or failed). */
    public Instant getFinishedAt() {
        return finishedAt;
    }

    /** The connections listed, in words ({@code credentials 'x' at https://...}). */
    public List<String> getConnections() {
        return connections;
    }

    /** The number of endpoints seen in each state (every state present, 0 when none). */
    public Map<FleetState, Integer> getCounts() {
        return counts;
    }

    /** The endpoints it deleted or tried to delete. */
    public List<Deletion> getDeletions() {
        return deletions;
    }

    /** What went wrong (a connection that could not list, a deletion NetMind did not confirm). */
    public List<String> getErrors() {
        return errors;
    }

    /** Other remarks, such as a connection without a list route that fell back to the registry. */
    public List<String> getNotes() {
        return notes;
    }

    @Override
    public String toString() {
        return "SweepReport[" + startedAt + ".." + finishedAt + ", connections=" + connections + ", counts=" + counts
                + ", deleted=" + deletions + ", errors=" + errors + ", notes=" + notes + "]";
    }
}
