package io.jenkins.plugins.netmind.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A thread-safe {@link Ledger} kept in memory (tests, and a building block for persisted ledgers). */
public final class InMemoryLedger implements Ledger {

    private final Map<String, LedgerEntry> entries = new LinkedHashMap<>();

    @Override
    public synchronized void put(LedgerEntry entry) {
        entries.put(entry.name(), entry);
    }

    @Override
    public synchronized Optional<LedgerEntry> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    @Override
    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(new ArrayList<>(entries.values()));
    }

    /** The entries NetMind has not confirmed deleted. */
    public synchronized List<LedgerEntry> live() {
        return entries.values().stream().filter(LedgerEntry::isLive).toList();
    }

    @Override
    public synchronized String toString() {
        return "InMemoryLedger" + entries.values();
    }
}
