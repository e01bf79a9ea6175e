package io.jenkins.plugins.netmind.client;

import java.util.List;

/**
 * The answer of the (undocumented) list route.
 *
 * @param supported false when NetMind answered 404 or 405: the route does not exist, which is not an error
 * @param services the services listed; empty when unsupported
 */
public record ServiceList(boolean supported, List<Service> services) {

    /** Copies the list. */
    public ServiceList {
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** The list route is not available on this server. */
    public static ServiceList unsupported() {
        return new ServiceList(false, List.of());
    }
}
