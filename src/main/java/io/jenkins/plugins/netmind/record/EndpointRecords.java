package io.jenkins.plugins.netmind.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** List operations shared by the build's record and the controller-wide registry. Free of Jenkins. */
public final class EndpointRecords {

    private EndpointRecords() {}

    /**
     * Inserts {@code record} or replaces the record of the same endpoint of the same build, keeping the order of first
     * insertion. With {@code dropDeleted}, a record that is DELETED is removed instead.
     */
    static void upsert(List<RecordedEndpoint> records, RecordedEndpoint record, boolean dropDeleted) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sameEndpoint(record)) {
                if (dropDeleted && record.isDeleted()) {
                    records.remove(i);
                } else {
                    records.set(i, record);
                }
                return;
            }
        }
        if (!(dropDeleted && record.isDeleted())) {
            records.add(record);
        }
    }

    /** The record of the endpoint {@code name} among {@code records}. */
    static Optional<RecordedEndpoint> find(Collection<RecordedEndpoint> records, String name) {
        return records.stream().filter(r -> r.getName().equals(name)).findFirst();
    }

    /** The records NetMind has not confirmed gone. */
    public static List<RecordedEndpoint> pending(Collection<RecordedEndpoint> records) {
        return records.stream().filter(r -> !r.isDeleted()).toList();
    }

    /** Groups records by {@code key}, keeping the order of first appearance. */
    public static <K> Map<K, List<RecordedEndpoint>> groupBy(
            Collection<RecordedEndpoint> records, Function<RecordedEndpoint, K> key) {
        Map<K, List<RecordedEndpoint>> groups = new LinkedHashMap<>();
        for (RecordedEndpoint r : records) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }
}
