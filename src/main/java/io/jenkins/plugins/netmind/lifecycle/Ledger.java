package io.jenkins.plugins.netmind.lifecycle;

import java.util.List;
import java.util.Optional;

/**
 * A record of the endpoints a build asked for, keyed by endpoint name (chosen before the create call is sent). The
 * engine records the intent before it creates, the service id once it is known, and {@link LedgerEntry.State#DELETED}
 * only when NetMind confirms the endpoint gone. Implementations must be thread-safe.
 */
public interface Ledger {

    /** Inserts or replaces the entry with the same name. */
    void put(LedgerEntry entry);

    /** The entry with this name, if any. */
    Optional<LedgerEntry> get(String name);

    /** All entries, in insertion order. */
    List<LedgerEntry> entries();

    /**
     * Records {@code intent} unless a live entry (not {@link LedgerEntry.State#DELETED}) already holds its name, as one
     * atomic step: of two deploys of one name, only one passes. Returns the live entry that holds the name, or empty
     * when {@code intent} was written. Synchronizes on {@link #intentLock()}: atomic for ledgers whose {@code put}
     * and {@code get} synchronize on that object ({@link InMemoryLedger}), or whose instances all return the same
     * one.
     */
    default Optional<LedgerEntry> putIntent(LedgerEntry intent) {
        synchronized (intentLock()) {
            Optional<LedgerEntry> holder = get(intent.name()).filter(LedgerEntry::isLive);
            if (holder.isEmpty()) {
                put(intent);
            }
            return holder;
        }
    }

    /**
     * What {@link #putIntent} locks: this ledger by default; a ledger of which several instances share one store
     * returns an object common to them all.
     */
    default Object intentLock() {
        return this;
    }

    /** The entry that carries this service id, if any. */
    default Optional<LedgerEntry> findByServiceId(String serviceId) {
        return entries().stream().filter(e -> serviceId.equals(e.serviceId())).findFirst();
    }
}
