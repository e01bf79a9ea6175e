package io.jenkins.plugins.netmind.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.netmind.client.CreateServiceRequest;
import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.NetMindException;
import io.jenkins.plugins.netmind.client.RetryPolicy;
import io.jenkins.plugins.netmind.client.Service;
import io.jenkins.plugins.netmind.client.ServiceList;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator itself: token check, validation, states, faults, record, concurrency. */
class NetMindSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE = """
            {"name": "n", "description": "d", "payment_type": "usd",
             "resource_metadata": {"flavor_id": "69475e82e81c4dd6be3467e2ca374e0c", "scale_type": "manual",
                                   "target_instance_number": %s},
             "deploy_metadata": {"image_url": "python:3.10-slim", "command": "x", "port": %s, "gpu_num": 0}}
            """;

    private final ManualClock clock = new ManualClock();
    /** Plain HTTP/1.1 with a timeout: a lost answer fails the test instead of hanging the build. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private NetMindSimulator sim;

    @BeforeEach
    void start() {
        sim = NetMindSimulator.builder().clock(clock).token("tok").start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private NetMindClient client() {
        return sim.clientBuilder()
                .scheduler(new ImmediateScheduler())
                .retryPolicy(RetryPolicy.NONE)
                .build();
    }

    private static CreateServiceRequest request(String name) {
        return new CreateServiceRequest(
                name,
                "",
                "usd",
                CreateServiceRequest.Resources.manual("69475e82e81c4dd6be3467e2ca374e0c", 1),
                new CreateServiceRequest.Deployment("img", null, 8080, 0));
    }

    @Test
    void refusesAMissingOrWrongTokenLikeNetMind() throws Exception {
        for (String token : new String[] {null, "wrong"}) {
            HttpResponse<String> r = send("GET", "/v1/inference-service/flavor", token, null);
            assertEquals(401, r.statusCode());
            assertEquals(JSON.readTree("{\"code\": 401, \"message\": \"Invalid API key\"}"), JSON.readTree(r.body()));
        }
        assertFalse(sim.requests().get(1).tokenValid());
        assertEquals(
                "Bearer ****", sim.requests().get(1).header("authorization").orElseThrow());
    }

    @Test
    void validatesTheCreateBody() throws Exception {
        assertEquals(
                200,
                send("POST", "/v1/inference-service", "tok", CREATE.formatted("1", "8080"))
                        .statusCode());
        assertProblem(
                CREATE.formatted("\"1\"", "8080"),
                "resource_metadata.target_instance_number must be a positive integer");
        assertProblem(
                CREATE.formatted("0", "8080"), "resource_metadata.target_instance_number must be a positive integer");
        assertProblem(
                CREATE.formatted("9", "8080"),
                "insufficient resources: only 4 instances of NVIDIA_GeForce_RTX_4090 available");
        assertProblem(CREATE.formatted("1", "\"8080\""), "deploy_metadata.port must be an integer between 1 and 65535");
        assertProblem(CREATE.replace("\"name\": \"n\", ", ""), "name is required");
        assertProblem(CREATE.replace("\"usd\"", "\"eur\""), "payment_type must be one of usd, cny, nmt");
        assertProblem(CREATE.replace("69475e82e81c4dd6be3467e2ca374e0c", "nope"), "flavor not found: nope");
        assertProblem("not json", "request body must be a JSON object");
        assertEquals(1, sim.liveServices().size());
    }

    private void assertProblem(String body, String message) throws Exception {
        HttpResponse<String> r = send("POST", "/v1/inference-service", "tok", body.formatted("1", "8080"));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(message, JSON.readTree(r.body()).get("message").asText());
    }

    @Test
    void servicesBecomeAvailableAfterTheirOwnDelay() {
        sim.setReadyDelay(Duration.ofMinutes(10)).setReadyDelay("fast", Duration.ofMinutes(1));
        NetMindClient client = client();
        String slow = client.createService(request("slow")).join().serviceId();
        String fast = client.createService(request("fast")).join().serviceId();
        clock.advance(Duration.ofMinutes(1));
        assertEquals("available", sim.status(fast).orElseThrow());
        assertEquals("initializing", sim.status(slow).orElseThrow());
        assertTrue(sim.availableAt(slow).isEmpty());
        clock.advance(Duration.ofMinutes(9));
        assertEquals(clock.instant(), sim.availableAt(slow).orElseThrow());
    }

    @Test
    void terminalFailuresShowInStatusAndStatusInfo() {
        sim.setReadyDelay(Duration.ofMinutes(5));
        sim.faults().on(Route.CREATE).call(1).terminalFailure("image pull failed: python:3.99");
        NetMindClient client = client();
        String id = client.createService(request("doomed")).join().serviceId();
        assertFalse(client.getService(id).join().isTerminalFailure());
        clock.advance(Duration.ofMinutes(5));
        Service failed = client.getService(id).join();
        assertEquals("failed", failed.status());
        assertTrue(failed.isTerminalFailure());
        assertEquals("image pull failed: python:3.99", failed.statusInfoText());

        String other = client.createService(request("later")).join().serviceId();
        sim.faults().on(Route.GET).call(3).terminalFailure("OOM");
        assertEquals("OOM", client.getService(other).join().statusInfoText());
    }

    @Test
    void uniqueNamesCanBeEnforced() {
        sim.setUniqueNames(true);
        NetMindClient client = client();
        client.createService(request("same")).join();
        NetMindException e = NetMindException.unwrap(org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class, () -> client.createService(request("same")).join()));
        assertEquals(NetMindException.Kind.BAD_REQUEST, e.kind());
        assertEquals("service name already exists: same", e.netmindMessage());
    }

    @Test
    void randomFaultsAreReproducibleFromTheSeed() throws Exception {
        List<List<Faults.Injected>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (NetMindSimulator s = NetMindSimulator.start()) {
                s.faults().random(42, 0.3, EnumSet.of(FaultKind.SERVER_ERROR_500, FaultKind.RATE_LIMIT));
                for (int i = 0; i < 50; i++) {
                    HttpRequest r = HttpRequest.newBuilder(URI.create(s.baseUrl() + "/v1/inference-service/flavor"))
                            .timeout(Duration.ofSeconds(20))
                            .header("Authorization", "Bearer " + s.token())
                            .build();
                    http.send(r, HttpResponse.BodyHandlers.discarding());
                }
                runs.add(s.faults().injected());
            }
        }
        assertEquals(runs.get(0), runs.get(1));
        assertTrue(
                runs.get(0).size() > 5 && runs.get(0).size() < 30, runs.get(0).toString());
    }

    @Test
    void randomFaultsCoverEveryKind() {
        sim.faults().random(7, 0.5, FaultKind.all()).randomLatency(Duration.ofMillis(1));
        NetMindClient client = sim.clientBuilder()
                .scheduler(new ImmediateScheduler())
                .requestTimeout(Duration.ofSeconds(5))
                .build();
        for (int i = 0; i < 150; i++) {
            CompletableFuture<Service> created = client.createService(request("chaos-" + i));
            created.thenCompose(s -> client.getService(s.serviceId()))
                    .thenCompose(s -> client.deleteService(s.serviceId()))
                    .exceptionally(e -> null)
                    .join();
        }
        for (FaultKind kind : FaultKind.all()) {
            assertTrue(sim.faults().injectedCount(kind) > 0, kind + " never injected");
        }
    }

    @Test
    void servesHundredsOfConcurrentClients() {
        NetMindClient client =
                sim.clientBuilder().scheduler(new ImmediateScheduler()).build();
        List<CompletableFuture<Service>> calls = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            calls.add(client.createService(request("c" + i)).thenCompose(s -> client.getService(s.serviceId())));
        }
        calls.forEach(CompletableFuture::join);
        assertEquals(300, sim.liveServices().size());
        assertEquals(600, sim.requests().size());
    }

    @Test
    void listRouteShowsLiveServicesOnly() throws Exception {
        NetMindClient client = client();
        String a = client.createService(request("a")).join().serviceId();
        client.createService(request("b")).join();
        client.deleteService(a).join();
        JsonNode list =
                JSON.readTree(send("GET", "/v1/inference-service", "tok", null).body());
        assertEquals(1, list.get("service_list").size());
        assertEquals("b", list.get("service_list").get(0).get("name").asText());
        assertEquals(405, send("PATCH", "/v1/inference-service", "tok", null).statusCode());
        assertEquals(404, send("GET", "/v2/other", "tok", null).statusCode());
    }

    @Test
    void aLaggingListShowsANewServiceOnlyAfterTheLag() {
        sim.setListLag(Duration.ofSeconds(90));
        NetMindClient client = client();
        String id = client.createService(request("late")).join().serviceId();

        assertEquals(List.of(), names(client.listServices().join()));
        assertEquals("late", client.getService(id).join().name(), "GET by id sees it at once");
        clock.advance(Duration.ofSeconds(89));
        assertEquals(List.of(), names(client.listServices().join()));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("late"), names(client.listServices().join()));
    }

    private static List<String> names(ServiceList list) {
        return list.services().stream().map(Service::name).toList();
    }
}
