package io.jenkins.plugins.netmind.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** The simulated NetMind API: flavors, create with validation, get, update, delete, list. Thread-safe. */
final class SimApi {

    private final SimSettings settings;
    private final Clock clock;
    private final Function<String, URI> endpointUrl;
    private final Map<String, SimService> services = new ConcurrentHashMap<>();
    /** Guarded by {@code services}. */
    private SimPeak peak = SimPeak.ZERO;

    private final Map<String, AtomicInteger> statusGets = new ConcurrentHashMap<>();
    private final Random ids;

    SimApi(SimSettings settings, Clock clock, Function<String, URI> endpointUrl, long seed) {
        this.settings = settings;
        this.clock = clock;
        this.endpointUrl = endpointUrl;
        this.ids = new Random(seed);
    }

    Map<String, SimService> services() {
        return services;
    }

    int statusGets(String id) {
        AtomicInteger n = statusGets.get(id);
        return n == null ? 0 : n.get();
    }

    SimResponse flavors() {
        ObjectNode root = SimJson.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("flavor_list");
        settings.flavors.forEach(f -> list.add(f.toJson()));
        return SimResponse.json(200, root.toString());
    }

    /** Creates a service; {@code fault} (nullable) is a terminal failure to plant. */
    SimResponse create(String body, Fault fault, String account) {
        JsonNode root = parse(body);
        if (root == null || !root.isObject()) {
            return SimResponse.error(400, "request body must be a JSON object");
        }
        String problem = CreateValidation.check(root, settings.flavors);
        if (problem != null) {
            return SimResponse.error(400, problem);
        }
        String name = root.get("name").asText();
        JsonNode res = root.get("resource_metadata");
        JsonNode dep = root.get("deploy_metadata");
        SimFlavor flavor =
                CreateValidation.flavor(settings.flavors, res.get("flavor_id").asText());
        Instant now = clock.instant();
        SimService service;
        synchronized (services) {
            if (settings.uniqueNames
                    && services.values().stream().anyMatch(s -> !s.isDeleted() && s.name.equals(name))) {
                return SimResponse.error(400, "service name already exists: " + name);
            }
            service = new SimService(
                    newId(),
                    name,
                    root.path("description").asText(""),
                    root.get("payment_type").asText(),
                    flavor,
                    res.get("scale_type").asText(),
                    res.get("target_instance_number").asInt(),
                    dep.get("image_url").asText(),
                    dep.path("command").asText(""),
                    dep.get("port").asInt(),
                    dep.get("gpu_num").asInt(),
                    now,
                    settings.readyDelay(name),
                    settings.endpointLag);
            service.account = account;
            services.put(service.id, service);
            notePeak();
        }
        if (fault != null && fault.kind() == FaultKind.TERMINAL_FAILURE) {
            service.fail(service.readyAt(), fault.failStatus(), fault.statusInfo());
        }
        SimService.View view = service.view(now);
        ObjectNode json = SimJson.service(view, endpointUrl.apply(service.id), settings);
        json.put("status", "initializing");
        return SimResponse.json(200, json.toString());
    }

    /** The most held live at once so far (see {@link SimPeak}). */
    SimPeak peak() {
        synchronized (services) {
            return peak;
        }
    }

    /** Takes the live totals now into {@link #peak}; called holding the lock on {@code services}. */
    private void notePeak() {
        int endpoints = 0;
        int instances = 0;
        long gpus = 0;
        BigDecimal usd = BigDecimal.ZERO;
        for (SimService s : services.values()) {
            int held = s.heldInstances();
            if (held > 0 || !s.isDeleted()) {
                endpoints++;
                instances += held;
                gpus += (long) held * s.gpuNum;
                usd = usd.add(s.flavor.usdPriceUnit().multiply(BigDecimal.valueOf(held)));
            }
        }
        peak = peak.max(new SimPeak(endpoints, instances, gpus, usd));
    }

    SimResponse get(String id, Fault fault, String account) {
        SimService service = owned(id, account);
        if (service == null) {
            return SimResponse.error(404, "service not found: " + id);
        }
        statusGets.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (service.isDeleted() && settings.deleteMode == NetMindSimulator.DeleteMode.NOT_FOUND) {
            return SimResponse.error(404, "service not found: " + id);
        }
        Instant now = clock.instant();
        if (fault != null && fault.kind() == FaultKind.TERMINAL_FAILURE && !service.isDeleted()) {
            service.fail(now, fault.failStatus(), fault.statusInfo());
        }
        return render(service, now);
    }

    SimResponse update(String id, String body, Fault fault, String account) {
        SimService service = owned(id, account);
        if (service == null || service.isDeleted()) {
            return SimResponse.error(404, "service not found: " + id);
        }
        JsonNode root = parse(body);
        JsonNode target = root == null ? null : root.path("resource_metadata").get("target_instance_number");
        Integer instances = CreateValidation.lenientInt(target);
        if (instances == null || instances < 1) {
            return SimResponse.error(
                    400, "resource_metadata.target_instance_number must be a positive integer (number or string)");
        }
        if (instances > service.flavor.availableNum()) {
            return SimResponse.error(
                    400,
                    "insufficient resources: only " + service.flavor.availableNum() + " instances of "
                            + service.flavor.displayName() + " available");
        }
        Instant now = clock.instant();
        service.scale(instances, now, settings.scaleDelay(service.name), settings.endpointLag);
        synchronized (services) {
            notePeak();
        }
        if (fault != null && fault.kind() == FaultKind.TERMINAL_FAILURE) {
            service.fail(service.readyAt(), fault.failStatus(), fault.statusInfo());
        }
        return render(service, now);
    }

    SimResponse delete(String id, String account) {
        SimService service = owned(id, account);
        if (service == null || service.isDeleted()) {
            return SimResponse.error(404, "service not found: " + id);
        }
        service.delete(clock.instant());
        return SimResponse.json(200, "{\"code\":200,\"message\":\"success\"}");
    }

    /** The service {@code id} if {@code account} created it: other accounts cannot see it. */
    private SimService owned(String id, String account) {
        SimService service = services.get(id);
        return service != null && account.equals(service.account) ? service : null;
    }

    SimResponse list(String account) {
        return switch (settings.listMode) {
            case NOT_FOUND -> SimResponse.error(404, "Not Found");
            case METHOD_NOT_ALLOWED -> SimResponse.error(405, "Method Not Allowed");
            case SUPPORTED -> {
                Instant now = clock.instant();
                Instant listedBefore = now.minus(settings.listLag);
                ObjectNode root = SimJson.MAPPER.createObjectNode();
                ArrayNode list = root.putArray("service_list");
                services.values().stream()
                        .filter(s -> account.equals(s.account))
                        .filter(s -> !s.isDeleted() && !s.createdAt.isAfter(listedBefore))
                        .sorted((a, b) -> a.createdAt.compareTo(b.createdAt))
                        .forEach(s -> list.add(SimJson.service(s.view(now), endpointUrl.apply(s.id), settings)));
                root.put("total", list.size());
                yield SimResponse.json(200, root.toString());
            }
        };
    }

    /** The endpoint URL itself: 200 once ready, 503 before, 404 when unknown or deleted. */
    SimResponse endpoint(String id) {
        SimService service = services.get(id);
        if (service == null || service.isDeleted()) {
            return SimResponse.error(404, "no such endpoint");
        }
        if (!service.endpointReady(clock.instant())) {
            return SimResponse.error(503, "endpoint is starting");
        }
        return SimResponse.json(200, "{\"status\":\"ok\",\"service_id\":\"" + id + "\"}");
    }

    private SimResponse render(SimService service, Instant now) {
        return SimResponse.json(
                200,
                SimJson.service(service.view(now), endpointUrl.apply(service.id), settings)
                        .toString());
    }

    private String newId() {
        synchronized (ids) {
            return String.format("%016x%016x", ids.nextLong(), ids.nextLong());
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return SimJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
