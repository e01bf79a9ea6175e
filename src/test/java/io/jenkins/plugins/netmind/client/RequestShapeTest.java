package io.jenkins.plugins.netmind.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.netmind.sim.ImmediateScheduler;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.RecordedRequest;
import io.jenkins.plugins.netmind.sim.Route;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What NetMind receives is what the seed's curl examples send: method, path, headers, field names, JSON types. */
class RequestShapeTest {

    private NetMindSimulator sim;
    private NetMindClient client;

    @BeforeEach
    void start() {
        sim = NetMindSimulator.start();
        client = sim.clientBuilder().scheduler(new ImmediateScheduler()).build();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void createSendsTheSeedsBody() throws Exception {
        JsonNode seed = JsonText.MAPPER.readTree(SeedExamples.CREATE_REQUEST);
        client.createService(JsonText.MAPPER.treeToValue(seed, CreateServiceRequest.class))
                .join();

        RecordedRequest create = only(Route.CREATE);
        assertEquals("POST", create.method());
        assertEquals("/v1/inference-service", create.path());
        assertJsonHeaders(create);
        assertEquals(seed, create.json());
        assertSameShape(seed, create.json(), "");
        assertTrue(create.json().at("/resource_metadata/target_instance_number").isInt());
    }

    @Test
    void updateSendsTheInstanceCountAsAString() throws Exception {
        String id = client.createService(ClientCallsTest.request("s", 1)).join().serviceId();
        client.scaleService(id, 2).join();

        RecordedRequest update = only(Route.UPDATE);
        assertEquals("PUT", update.method());
        assertEquals("/v1/inference-service/" + id, update.path());
        assertJsonHeaders(update);
        JsonNode seed = JsonText.MAPPER.readTree(SeedExamples.UPDATE_REQUEST);
        assertEquals(seed, update.json());
        assertTrue(update.json().at("/resource_metadata/target_instance_number").isTextual());
    }

    @Test
    void getDeleteAndFlavorsSendOnlyTheToken() {
        String id = client.createService(ClientCallsTest.request("s", 1)).join().serviceId();
        client.listFlavors().join();
        client.getService(id).join();
        client.deleteService(id).join();
        client.listServices().join();

        Map<Route, String> paths = Map.of(
                Route.LIST_FLAVORS,
                "/v1/inference-service/flavor",
                Route.GET,
                "/v1/inference-service/" + id,
                Route.DELETE,
                "/v1/inference-service/" + id,
                Route.LIST,
                "/v1/inference-service");
        paths.forEach((route, path) -> {
            RecordedRequest r = only(route);
            assertEquals(path, r.path(), route.name());
            assertEquals(route == Route.DELETE ? "DELETE" : "GET", r.method());
            assertEquals("Bearer ****", r.header("Authorization").orElseThrow());
            assertTrue(r.tokenValid(), route.name());
            assertTrue(r.header("Content-Type").isEmpty(), route + " has no body, so no Content-Type");
            assertEquals("", r.body());
        });
    }

    @Test
    void serviceIdsThatAreNoSafePathSegmentAreRefusedBeforeAnythingIsSent() {
        for (String id : List.of("a b/../c", "..", ".")) {
            assertThrows(IllegalArgumentException.class, () -> client.deleteService(id));
        }
        assertEquals(List.of(), sim.requests(Route.DELETE));
        assertEquals(
                DeleteOutcome.ALREADY_GONE, client.deleteService("a-b_c.d~e").join());
        assertEquals("/v1/inference-service/a-b_c.d~e", only(Route.DELETE).path());
    }

    private RecordedRequest only(Route route) {
        List<RecordedRequest> requests = sim.requests(route);
        assertEquals(1, requests.size(), route + ": " + requests);
        return requests.get(0);
    }

    private static void assertJsonHeaders(RecordedRequest r) {
        assertEquals("Bearer ****", r.header("Authorization").orElseThrow());
        assertTrue(r.tokenValid());
        assertEquals("application/json", r.header("Content-Type").orElseThrow());
    }

    /** Same field names at every level and the same JSON type for every value. */
    private static void assertSameShape(JsonNode expected, JsonNode actual, String path) {
        assertEquals(expected.getNodeType(), actual.getNodeType(), path);
        if (expected.isObject()) {
            assertEquals(names(expected), names(actual), path);
            expected.properties()
                    .forEach(e -> assertSameShape(e.getValue(), actual.get(e.getKey()), path + "/" + e.getKey()));
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
