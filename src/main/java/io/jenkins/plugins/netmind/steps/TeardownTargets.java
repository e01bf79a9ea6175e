package io.jenkins.plugins.netmind.steps;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The service ids {@code netmindTeardown} was asked to delete: {@code serviceId} and {@code serviceIds} together. */
final class TeardownTargets {

    private TeardownTargets() {}

    /**
     * The named service ids, trimmed, blanks dropped, each once, in the order given; empty means "every endpoint of this
     * build".
     */
    static List<String> of(String serviceId, Collection<String> serviceIds) {
        Set<String> ids = new LinkedHashSet<>();
        add(ids, serviceId);
        if (serviceIds != null) {
            for (String id : serviceIds) {
                add(ids, id);
            }
        }
        return List.copyOf(ids);
    }

    private static void add(Set<String> ids, String id) {
        String cleaned = EndpointSettings.clean(id);
        if (cleaned != null) {
            ids.add(cleaned);
        }
    }
}
