package io.jenkins.plugins.netmind.connection;

import hudson.ProxyConfiguration;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import jenkins.model.Jenkins;

/**
 * One HTTP client for every NetMind connection of the controller, built from Jenkins' proxy settings and built again
 * only when those settings are replaced. An {@link HttpClient} keeps a selector thread alive for as long as it is
 * reachable, so a client per connection would cost a thread per waiting build; a shared one costs none.
 *
 * <p>The client runs its tasks and every call's callbacks on {@link #EXECUTOR}, a few threads, instead of core's
 * {@code ProxyConfiguration} executor: that one is an unbounded cached pool, which starts a thread for each call that
 * finds no idle thread, so hundreds of waiting builds polling at once (and their callbacks saving the build and the
 * registry) grew it by dozens of threads.
 */
final class SharedHttpClient {

    /** Threads for the NetMind calls of the whole controller; callbacks never wait for another call. */
    static final int THREADS = 4;

    private static final ExecutorService EXECUTOR = newExecutor();

    private static final SharedHttpClient CONTROLLER = new SharedHttpClient(
            () -> Jenkins.get().getProxy(),
            () -> ProxyConfiguration.newHttpClientBuilder()
                    .connectTimeout(NetMindConnector.CONNECT_TIMEOUT)
                    .executor(EXECUTOR)
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

    /** At most {@link #THREADS} daemon threads, which end after a minute without work. */
    static ExecutorService newExecutor() {
        return NetMindThreads.boundedPool(THREADS, "NetMind HTTP");
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
