package io.jenkins.plugins.netmind.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * The plugin's only contact with NetMind's dedicated-endpoint API. Every call is asynchronous (no thread waits for an
 * answer or a retry), retried where that is safe, and fails with a {@link NetMindException}. One instance holds one
 * {@link HttpClient}; share it between calls. The token never appears in a message or in {@link #toString()}.
 */
public final class NetMindClient {

    /** NetMind's API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.netmind.ai");

    static final String SERVICES_PATH = "/v1/inference-service";
    static final String FLAVORS_PATH = SERVICES_PATH + "/flavor";

    private final URI baseUrl;
    private final String token;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Failures failures;
    private final RetryingCaller caller;

    private NetMindClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.token = b.token;
        this.http = b.httpClient != null
                ? b.httpClient
                : HttpClient.newBuilder()
                        .connectTimeout(b.connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.requestTimeout = b.requestTimeout;
        this.failures = new Failures(baseUrl, token, b.clock);
        Scheduler scheduler = b.scheduler != null ? b.scheduler : DefaultScheduler.get();
        this.caller = new RetryingCaller(http, token, requestTimeout, b.retryPolicy, scheduler, b.random, failures);
    }

    /** A builder for a client that authenticates with {@code token}. */
    public static Builder builder(String token) {
        return new Builder(token);
    }

    /** The API's base URL. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** {@code GET /v1/inference-service/flavor}: the GPU flavors on offer. */
    public CompletableFuture<List<Flavor>> listFlavors() {
        return call("GET", FLAVORS_PATH, null, false, Set.of(), (response, path) -> {
            JsonNode list = readTree("GET", path, response).path("flavor_list");
            List<Flavor> flavors = new ArrayList<>();
            for (JsonNode node : list) {
                flavors.add(convert("GET", path, response, node, Flavor.class));
            }
            return List.copyOf(flavors);
        });
    }

    /** {@code POST /v1/inference-service}: creates a service. Retried only when it provably never reached NetMind. */
    public CompletableFuture<Service> createService(CreateServiceRequest request) {
        Objects.requireNonNull(request, "request");
        String body = write(request);
        return call("POST", SERVICES_PATH, body, true, Set.of(), (response, path) -> {
            Service created = service(response, path);
            if (created.serviceId() == null || created.serviceId().isBlank()) {
                throw failures.invalid(
                        "POST",
                        path,
                        response.statusCode(),
                        new IllegalStateException(
                                Messages.Response_noServiceId(keysOf(readAny("POST", path, response)))));
            }
            return created;
        });
    }

    /** {@code GET /v1/inference-service/{id}}: the service's current state. */
    public CompletableFuture<Service> getService(String serviceId) {
        return call("GET", servicePath(serviceId), null, false, Set.of(), this::service);
    }

    /**
     * {@code PUT /v1/inference-service/{id}} with {@code {"resource_metadata": {"target_instance_number": "N"}}}
     * (a string, as in NetMind's example).
     */
    public CompletableFuture<Service> scaleService(String serviceId, int targetInstances) {
        ObjectNode body = JsonText.MAPPER.createObjectNode();
        body.putObject("resource_metadata").put("target_instance_number", Integer.toString(targetInstances));
        return call("PUT", servicePath(serviceId), body.toString(), false, Set.of(), this::service);
    }

    /**
     * {@code DELETE /v1/inference-service/{id}}: {@code DELETED}, or {@code ALREADY_GONE} when NetMind answers 404 with
     * its JSON error (a 404 of another shape, e.g. a gateway's HTML page, fails, retryable). Neither proves the service
     * gone: confirm with {@link #getService}.
     */
    public CompletableFuture<DeleteOutcome> deleteService(String serviceId) {
        return call("DELETE", servicePath(serviceId), null, false, Set.of(404), (response, path) -> {
            if (response.statusCode() != 404) {
                return DeleteOutcome.DELETED;
            }
            if (!JsonText.isJson(response.body())) {
                throw failures.fromResponse("DELETE", path, false, response);
            }
            return DeleteOutcome.ALREADY_GONE;
        });
    }

    /** {@code GET /v1/inference-service}: not documented; {@link ServiceList#unsupported()} on 404 or 405. */
    public CompletableFuture<ServiceList> listServices() {
        return call("GET", SERVICES_PATH, null, false, Set.of(404, 405), (response, path) -> {
            if (response.statusCode() == 404 || response.statusCode() == 405) {
                return ServiceList.unsupported();
            }
            JsonNode root = readAny("GET", path, response);
            JsonNode list = ServiceListShape.findList(root);
            if (list == null) {
                throw failures.invalid(
                        "GET", path, response.statusCode(), new IllegalStateException(ServiceListShape.describe(root)));
            }
            List<Service> services = new ArrayList<>();
            for (JsonNode node : list) {
                if (node.isObject()) {
                    services.add(convert("GET", path, response, node, Service.class));
                }
            }
            return new ServiceList(true, services);
        });
    }

    /**
     * The HTTP status of a {@code GET} on an endpoint's URL (a readiness probe). No retries; the token is sent only
     * when {@code sendToken} is true, and only over https (or to a loopback host). Fails with kind {@code CONNECTION}
     * or {@code TIMEOUT} when no answer came (the body counts: at most the request timeout in all), and with kind
     * {@code BAD_REQUEST} (not retryable) for a URL it refuses: one that would send the token over plain http, or a
     * link-local or cloud-metadata address.
     */
    public CompletableFuture<Integer> probe(URI url, boolean sendToken) {
        Objects.requireNonNull(url, "url");
        String refused = ProbeTargets.refusal(url, sendToken);
        if (refused != null) {
            return CompletableFuture.failedFuture(new NetMindException(
                    refused, "GET", url.getRawPath(), 0, "", NetMindException.Kind.BAD_REQUEST, false, null, null));
        }
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(url).timeout(requestTimeout).GET();
        if (sendToken) {
            builder.header("Authorization", "Bearer " + token);
        }
        CompletableFuture<HttpResponse<Void>> sent;
        try {
            sent = Deadlines.bound(
                    http.sendAsync(builder.build(), HttpResponse.BodyHandlers.discarding()),
                    requestTimeout,
                    () -> new HttpTimeoutException("probe timed out"));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((response, error) -> {
            if (error == null) {
                return response.statusCode();
            }
            throw failures.probe(url, error, requestTimeout);
        });
    }

    private interface Reader<T> {
        T read(HttpResponse<String> response, String path);
    }

    private <T> CompletableFuture<T> call(
            String method, String path, String body, boolean create, Set<Integer> accepted, Reader<T> reader) {
        URI uri = URI.create(baseUrl.toString() + path);
        return caller.send(new RetryingCaller.Call(method, path, uri, body, create, accepted))
                .thenApply(response -> reader.read(response, path));
    }

    private Service service(HttpResponse<String> response, String path) {
        String method = response.request().method();
        JsonNode root = readTree(method, path, response);
        JsonNode node = root.has("service_id") || !root.path("data").isObject() ? root : root.get("data");
        return convert(method, path, response, node, Service.class);
    }

    private JsonNode readTree(String method, String path, HttpResponse<String> response) {
        JsonNode root = readAny(method, path, response);
        if (!root.isObject()) {
            throw failures.invalid(
                    method, path, response.statusCode(), new IllegalStateException(Messages.Response_notObject()));
        }
        return root;
    }

    private JsonNode readAny(String method, String path, HttpResponse<String> response) {
        try {
            JsonNode root = JsonText.MAPPER.readTree(response.body());
            if (root == null || root.isMissingNode()) {
                throw failures.invalid(
                        method, path, response.statusCode(), new IllegalStateException(Messages.Response_empty()));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw failures.invalid(method, path, response.statusCode(), e);
        }
    }

    private <T> T convert(String method, String path, HttpResponse<String> response, JsonNode node, Class<T> type) {
        try {
            return JsonText.MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw failures.invalid(method, path, response.statusCode(), e);
        }
    }

    private static String keysOf(JsonNode root) {
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        return keys.isEmpty() ? Messages.EndpointUrl_noKeys() : String.join(", ", keys);
    }

    private static String write(Object value) {
        try {
            return JsonText.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The path of one service. The id must be a safe path segment: letters, digits, {@code -._~}, at most 128
     * characters, and not {@code .} or {@code ..} (which a server would resolve to another path); else
     * IllegalArgumentException saying so.
     */
    static String servicePath(String serviceId) {
        if (!isSafeServiceId(serviceId)) {
            throw new IllegalArgumentException(
                    serviceId == null || serviceId.isBlank()
                            ? Messages.Client_missingServiceId()
                            : Messages.Client_invalidServiceId(JsonText.printable(serviceId)));
        }
        return SERVICES_PATH + "/" + serviceId;
    }

    /** Whether {@code serviceId} can go into a URL path as one segment, unencoded and unchanged. */
    public static boolean isSafeServiceId(String serviceId) {
        if (serviceId == null || serviceId.isEmpty() || serviceId.length() > 128) {
            return false;
        }
        if (serviceId.equals(".") || serviceId.equals("..")) {
            return false;
        }
        for (int i = 0; i < serviceId.length(); i++) {
            char c = serviceId.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "NetMindClient[" + baseUrl + "]";
    }

    /** Configures a {@link NetMindClient}. */
    public static final class Builder {
        private final String token;
        private URI baseUrl = DEFAULT_BASE_URL;
        private HttpClient httpClient;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Scheduler scheduler;
        private RandomGenerator random = RandomGenerator.getDefault();
        private Clock clock = Clock.systemUTC();

        private Builder(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException(Messages.Client_emptyToken());
            }
            String trimmed = token.trim();
            // checked before any request: the JDK refuses other header characters with a message that holds the value
            if (trimmed.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException(Messages.Client_invalidToken());
            }
            this.token = trimmed;
        }

        /** The API's base URL; https is required except for loopback hosts (localhost, 127.0.0.0/8, ::1). */
        public Builder baseUrl(URI url) {
            this.baseUrl = BaseUrls.check(url);
            return this;
        }

        /** The HTTP client to use (e.g. one built with Jenkins' proxy settings); its own connect timeout applies. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Connect timeout of the HTTP client this builder creates (10 s); unused with {@link #httpClient}. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /** How long one request may take, its answer's body included (60 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout);
            return this;
        }

        /** Retry policy ({@link RetryPolicy#DEFAULT}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Where retries wait (default: a shared daemon scheduler). */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The jitter's random source. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The clock used to read {@code Retry-After} dates. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The client. */
        public NetMindClient build() {
            return new NetMindClient(this);
        }

        private static Duration positive(Duration d) {
            Objects.requireNonNull(d, "duration");
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("duration must be positive: " + d);
            }
            return d;
        }
    }

    /** The scheduler used when none is given: one daemon thread shared by all clients. */
    private static final class DefaultScheduler {
        private static final Scheduler INSTANCE;

        static {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "NetMind client retries");
                t.setDaemon(true);
                return t;
            });
            INSTANCE = Scheduler.of(executor);
        }

        static Scheduler get() {
            return INSTANCE;
        }
    }
}
