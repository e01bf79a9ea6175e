package io.jenkins.plugins.netmind.sim;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.netmind.client.NetMindClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for NetMind's dedicated-endpoint API: a real HTTP server on a loopback port speaking the seed's API
 * (flavors, create, get, update, delete, plus a list route), with a bearer-token check, per-service ready delays on
 * an injectable clock, soft deletes, endpoint URLs it serves itself, fault injection ({@link #faults()}) and a record
 * of every request. Thread-safe. See the README section "The NetMind simulator".
 */
public final class NetMindSimulator implements AutoCloseable {

    /** What a GET of a deleted service answers. */
    public enum DeleteMode {
        /** The record with {@code is_deleted: true} and status {@code deleted}. */
        SOFT,
        /** 404. */
        NOT_FOUND
    }

    /** How the undocumented list route {@code GET /v1/inference-service} behaves. */
    public enum ListMode {
        /** Lists the live services under {@code service_list}. */
        SUPPORTED,
        /** 404. */
        NOT_FOUND,
        /** 405. */
        METHOD_NOT_ALLOWED
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService delays;
    private final String token;
    private final Clock clock;
    private final SimSettings settings = new SimSettings();
    private final Faults faults = new Faults();
    private final List<RecordedRequest> log = Collections.synchronizedList(new ArrayList<>());
    private final SimApi api;
    private final URI baseUrl;
    private final SimHttpHandler handler;

    private NetMindSimulator(Builder b) throws IOException {
        this.token = b.token;
        this.clock = b.clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 1024);
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.api = new SimApi(settings, clock, this::endpointUrl, b.seed);
        this.executor = Executors.newFixedThreadPool(b.threads, daemon("netmind-sim"));
        this.delays = Executors.newSingleThreadScheduledExecutor(daemon("netmind-sim-latency"));
        this.handler = new SimHttpHandler(api, faults, token, clock, log, delays);
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a simulator with default settings (random port, token {@code sim-token}, system clock). */
    public static NetMindSimulator start() {
        return builder().start();
    }

    /** Configures a simulator. */
    public static Builder builder() {
        return new Builder();
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The token of the simulator's first account. */
    public String token() {
        return token;
    }

    /**
     * Opens another account: the simulator accepts {@code otherToken} too. A service belongs to the account whose token
     * created it; to any other account it does not exist (404 on get, update and delete; not in the list), as on
     * NetMind.
     */
    public NetMindSimulator addAccount(String otherToken) {
        handler.addToken(otherToken);
        return this;
    }

    /** The token of the account that created {@code serviceId}, if it exists. */
    public Optional<String> owner(String serviceId) {
        SimService s = api.services().get(serviceId);
        return s == null ? Optional.empty() : Optional.ofNullable(s.account);
    }

    /** The simulator's clock. */
    public Clock clock() {
        return clock;
    }

    /** A client builder pointed at this simulator with its token. */
    public NetMindClient.Builder clientBuilder() {
        return NetMindClient.builder(token).baseUrl(baseUrl);
    }

    /** Fault injection. */
    public Faults faults() {
        return faults;
    }

    /** How long a new service stays {@code initializing} (default 0: available at the first GET). */
    public NetMindSimulator setReadyDelay(Duration delay) {
        settings.readyDelay = Objects.requireNonNull(delay);
        return this;
    }

    /** The ready delay of services created with this name (overrides the default). */
    public NetMindSimulator setReadyDelay(String serviceName, Duration delay) {
        settings.readyDelayByName.put(serviceName, Objects.requireNonNull(delay));
        return this;
    }

    /** How long a scale stays {@code initializing} (default: the service's ready delay). */
    public NetMindSimulator setScaleDelay(Duration delay) {
        settings.scaleDelay = delay;
        return this;
    }

    /** How long after {@code available} the endpoint URL keeps answering 503 (default 0). */
    public NetMindSimulator setEndpointReadyLag(Duration lag) {
        settings.endpointLag = Objects.requireNonNull(lag);
        return this;
    }

    /**
     * The key of the URL in {@code endpoint_metadata} (default {@code url}); a dotted path nests it (e.g.
     * {@code access.public_url}). Without scheme, the value is a bare {@code host:port/path}.
     */
    public NetMindSimulator setEndpointUrlKey(String key, boolean withScheme) {
        settings.endpointUrlKey = Objects.requireNonNull(key);
        settings.endpointUrlWithScheme = withScheme;
        return this;
    }

    /** What a GET of a deleted service answers (default {@link DeleteMode#SOFT}). */
    public NetMindSimulator setDeleteMode(DeleteMode mode) {
        settings.deleteMode = Objects.requireNonNull(mode);
        return this;
    }

    /** How the list route behaves (default {@link ListMode#SUPPORTED}). */
    public NetMindSimulator setListMode(ListMode mode) {
        settings.listMode = Objects.requireNonNull(mode);
        return this;
    }

    /**
     * How long a new service stays out of the list route's answer (default 0): it is listed only once this much time
     * has passed since its create on the simulator's clock, as a list that lags behind creates would (GET by id sees it
     * at once).
     */
    public NetMindSimulator setListLag(Duration lag) {
        settings.listLag = Objects.requireNonNull(lag);
        return this;
    }

    /** Whether a create with the name of a live service answers 400 (default false). */
    public NetMindSimulator setUniqueNames(boolean unique) {
        settings.uniqueNames = unique;
        return this;
    }

    /** Replaces the flavors on offer. */
    public NetMindSimulator setFlavors(List<SimFlavor> flavors) {
        settings.flavors = List.copyOf(flavors);
        return this;
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The requests received on {@code route}. */
    public List<RecordedRequest> requests(Route route) {
        return requests().stream().filter(r -> r.route() == route).toList();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        log.clear();
    }

    /** The ids of the services not deleted (for leak assertions). */
    public Set<String> liveServices() {
        Set<String> ids = new TreeSet<>();
        api.services().forEach((id, s) -> {
            if (!s.isDeleted()) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The names of the services not deleted. */
    public Set<String> liveServiceNames() {
        Set<String> names = new TreeSet<>();
        api.services().values().stream().filter(s -> !s.isDeleted()).forEach(s -> names.add(s.name));
        return names;
    }

    /** The most endpoints, instances, GPUs and dollars per hour ever live at once (taken at each create and scale). */
    public SimPeak peak() {
        return api.peak();
    }

    /** The ids of every service ever created. */
    public Set<String> allServices() {
        return new TreeSet<>(api.services().keySet());
    }

    /** The current status of a service ({@code initializing}, {@code available}, {@code failed}, {@code deleted}). */
    public Optional<String> status(String serviceId) {
        SimService s = api.services().get(serviceId);
        return s == null
                ? Optional.empty()
                : Optional.of(s.view(clock.instant()).status());
    }

    /** The name of a service. */
    public Optional<String> name(String serviceId) {
        SimService s = api.services().get(serviceId);
        return s == null ? Optional.empty() : Optional.of(s.name);
    }

    /** How many status GETs the service received. */
    public int statusGets(String serviceId) {
        return api.statusGets(serviceId);
    }

    /** When the service became available (the latest time, after a scale), if it is available now. */
    public Optional<Instant> availableAt(String serviceId) {
        SimService s = api.services().get(serviceId);
        return s == null ? Optional.empty() : Optional.ofNullable(s.availableAt(clock.instant()));
    }

    /** The URL the simulator publishes (and serves) for a service. */
    public URI endpointUrl(String serviceId) {
        return URI.create(baseUrl + "/endpoints/" + serviceId + "/");
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        delays.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Configures a simulator before it starts. */
    public static final class Builder {
        private String token = "sim-token";
        private int port;
        private Clock clock = Clock.systemUTC();
        private int threads = 8;
        private long seed = 1;

        private Builder() {}

        /** The accepted token (default {@code sim-token}). */
        public Builder token(String token) {
            this.token = Objects.requireNonNull(token);
            return this;
        }

        /** The port (default 0: any free port). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The time source for states and delays (default: the system clock); e.g. a {@link ManualClock}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Handler threads (default 8). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Seed of the generated service ids (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Starts the server. */
        public NetMindSimulator start() {
            try {
                return new NetMindSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
