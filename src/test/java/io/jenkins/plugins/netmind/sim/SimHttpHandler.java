package io.jenkins.plugins.netmind.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** HTTP plumbing of the simulator: routing, token check, request record, fault injection. */
final class SimHttpHandler implements HttpHandler {

    private static final String API = "/v1/inference-service";
    private static final String ENDPOINTS = "/endpoints/";

    private final SimApi api;
    private final Faults faults;
    private final String token;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final List<RecordedRequest> log;
    private final ScheduledExecutorService delays;
    private final Map<Route, AtomicInteger> calls = new EnumMap<>(Route.class);
    private final Map<String, AtomicInteger> createCalls = new java.util.concurrent.ConcurrentHashMap<>();

    SimHttpHandler(
            SimApi api,
            Faults faults,
            String token,
            Clock clock,
            List<RecordedRequest> log,
            ScheduledExecutorService delays) {
        this.api = api;
        this.faults = faults;
        this.token = token;
        this.tokens.add(token);
        this.clock = clock;
        this.log = log;
        this.delays = delays;
        for (Route r : Route.values()) {
            calls.put(r, new AtomicInteger());
        }
    }

    void addToken(String other) {
        tokens.add(Objects.requireNonNull(other));
    }

    private record Target(Route route, String id, int wrongMethod) {}

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Target target = route(method, path);
        int call = calls.get(target.route()).incrementAndGet();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String account = auth != null && auth.startsWith("Bearer ") && tokens.contains(auth.substring(7))
                ? auth.substring(7)
                : null;
        boolean tokenValid = account != null;
        log.add(new RecordedRequest(
                clock.instant(),
                method,
                path,
                ex.getRequestURI().getRawQuery(),
                target.route(),
                call,
                hiddenHeaders(ex),
                body,
                tokenValid));
        String createName = target.route() == Route.CREATE ? SimJson.nameIn(body) : null;
        int nameCall = createName == null
                ? 0
                : createCalls
                        .computeIfAbsent(createName, n -> new AtomicInteger())
                        .incrementAndGet();
        List<Fault> picked =
                target.route() == Route.OTHER ? List.of() : faults.pick(target.route(), call, createName, nameCall);
        Duration latency = Duration.ZERO;
        Fault main = null;
        for (Fault f : picked) {
            if (f.kind() == FaultKind.LATENCY) {
                latency = latency.plus(f.latency());
            } else {
                main = f;
            }
        }
        Fault fault = main;
        if (latency.isZero()) {
            answer(ex, target, body, account, fault);
        } else {
            delays.schedule(() -> answer(ex, target, body, account, fault), latency.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void answer(HttpExchange ex, Target target, String body, String account, Fault fault) {
        try {
            if (fault != null && fault.kind() == FaultKind.CONNECTION_RESET) {
                ex.close();
                return;
            }
            if (fault != null && fault.answers()) {
                String text =
                        fault.body() != null ? fault.body() : SimJson.error(fault.status(), reason(fault.status()));
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put(
                        "Content-Type",
                        fault.body() != null && !fault.body().startsWith("{") ? "text/html" : "application/json");
                if (fault.retryAfterSeconds() != null) {
                    headers.put("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                }
                send(ex, new SimResponse(fault.status(), text, headers));
                return;
            }
            if (target.route() != Route.ENDPOINT && target.route() != Route.OTHER && account == null) {
                send(ex, SimResponse.error(401, "Invalid API key"));
                return;
            }
            SimResponse response = dispatch(target, body, fault, account);
            if (fault != null
                    && (fault.kind() == FaultKind.CREATED_BUT_RESPONSE_LOST
                            || fault.kind() == FaultKind.HANDLED_BUT_RESPONSE_LOST)) {
                ex.close();
                return;
            }
            if (fault != null && fault.kind() == FaultKind.STALLED_BODY) {
                stall(ex, response);
                return;
            }
            send(ex, response);
        } catch (RuntimeException | IOException e) {
            ex.close();
        }
    }

    private SimResponse dispatch(Target target, String body, Fault fault, String account) {
        return switch (target.route()) {
            case LIST_FLAVORS -> api.flavors();
            case CREATE -> api.create(body, fault, account);
            case LIST -> api.list(account);
            case GET -> api.get(target.id(), fault, account);
            case UPDATE -> api.update(target.id(), body, fault, account);
            case DELETE -> api.delete(target.id(), account);
            case ENDPOINT -> api.endpoint(target.id());
            case OTHER ->
                target.wrongMethod() != 0
                        ? SimResponse.error(405, "Method Not Allowed")
                        : SimResponse.error(404, "Not Found");
        };
    }

    private static Target route(String method, String rawPath) {
        String path =
                rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        if (path.startsWith(ENDPOINTS) && path.length() > ENDPOINTS.length()) {
            String rest = path.substring(ENDPOINTS.length());
            int slash = rest.indexOf('/');
            return new Target(Route.ENDPOINT, slash < 0 ? rest : rest.substring(0, slash), 0);
        }
        if (path.equals(API + "/flavor")) {
            return method.equals("GET") ? new Target(Route.LIST_FLAVORS, null, 0) : new Target(Route.OTHER, null, 405);
        }
        if (path.equals(API)) {
            return switch (method) {
                case "POST" -> new Target(Route.CREATE, null, 0);
                case "GET" -> new Target(Route.LIST, null, 0);
                default -> new Target(Route.OTHER, null, 405);
            };
        }
        if (path.startsWith(API + "/") && path.indexOf('/', API.length() + 1) < 0) {
            String id = path.substring(API.length() + 1);
            return switch (method) {
                case "GET" -> new Target(Route.GET, id, 0);
                case "PUT" -> new Target(Route.UPDATE, id, 0);
                case "DELETE" -> new Target(Route.DELETE, id, 0);
                default -> new Target(Route.OTHER, id, 405);
            };
        }
        return new Target(Route.OTHER, null, 0);
    }

    private Map<String, List<String>> hiddenHeaders(HttpExchange ex) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((name, values) -> {
            List<String> shown = new ArrayList<>();
            for (String v : values) {
                if (name.equalsIgnoreCase("Authorization")) {
                    int space = v.indexOf(' ');
                    shown.add(space > 0 ? v.substring(0, space) + " ****" : "****");
                } else {
                    shown.add(token.isEmpty() ? v : v.replace(token, "****"));
                }
            }
            headers.put(name, List.copyOf(shown));
        });
        return headers;
    }

    /** Sends the headers (with the full length) and half the body, then nothing: the exchange stays open. */
    private static void stall(HttpExchange ex, SimResponse response) throws IOException {
        byte[] bytes = response.body() == null || response.body().isEmpty()
                ? "{}".getBytes(StandardCharsets.UTF_8)
                : response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(response.status(), bytes.length);
        OutputStream out = ex.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
    }

    private static void send(HttpExchange ex, SimResponse response) throws IOException {
        byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 401 -> "Invalid API key";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            default -> "simulated error " + status;
        };
    }
}
