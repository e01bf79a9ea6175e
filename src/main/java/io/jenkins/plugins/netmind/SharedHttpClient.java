package io.jenkins.plugins.netmind;

import hudson.ProxyConfiguration;
import java.net.http.HttpClient;
import java.util.function.Supplier;
import jenkins.model.Jenkins;

/**
 * One HTTP client for every NetMind connection of the controller, built from Jenkins' proxy settings and built again
 * only when those settings are replaced. An {@link HttpClient} keeps a selector thread alive for as long as it is
 * reachable, so a client per connection would cost a thread per waiting build; a shared one costs none.
 */
final class SharedHttpClient {

    private static final SharedHttpClient CONTROLLER = new SharedHttpClient(
            () -> Jenkins.get().getProxy(),
            () -> ProxyConfiguration.newHttpClientBuilder()
                    .connectTimeout(NetMindConnector.CONNECT_TIMEOUT)
                    .build());

    private final Supplier<Object> settings;
    private final Supplier<HttpClient> factory;
    private Object builtFor;
    private HttpClient client;

    /**
     * @param settings the object that holds the settings the client is built from; a different object (by identity)
     *     means new settings
     * @param factory builds a client from the current settings
     */
    SharedHttpClient(Supplier<Object> settings, Supplier<HttpClient> factory) {
        this.settings = settings;
        this.factory = factory;
    }

    /** The controller's client for the proxy settings in force now. */
    static HttpClient current() {
        return CONTROLLER.get();
    }

    synchronized HttpClient get() {
        Object now = settings.get();
        if (client == null || now != builtFor) {
            client = factory.get();
            builtFor = now;
        }
        return client;
    }
}
