package io.jenkins.plugins.netmind.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.sim.ImmediateScheduler;
import io.jenkins.plugins.netmind.sim.ManualClock;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.RecordedRequest;
import io.jenkins.plugins.netmind.sim.Route;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every call of the client against the simulator over real HTTP. */
class ClientCallsTest {

    private final ManualClock clock = new ManualClock();
    private NetMindSimulator sim;
    private NetMindClient client;

    @BeforeEach
    void start() {
        sim = NetMindSimulator.builder().clock(clock).start();
        client = sim.clientBuilder().scheduler(new ImmediateScheduler()).build();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static CreateServiceRequest request(String name, int instances) {
        return new CreateServiceRequest(
                name,
                "test",
                "usd",
                CreateServiceRequest.Resources.manual("69475e82e81c4dd6be3467e2ca374e0c", instances),
                new CreateServiceRequest.Deployment("python:3.10-slim", "python app.py", 8080, 0));
    }

    @Test
    void listsFlavorsWithPricesRegionsAndCapacity() {
        List<Flavor> flavors = client.listFlavors().join();
        assertEquals(4, flavors.size());
        Flavor first = flavors.get(0);
        assertEquals("NVIDIA_GeForce_RTX_4090", first.displayName());
        assertEquals("cn", first.region());
        assertEquals(new BigDecimal("0.3"), first.price("usd").orElseThrow());
        assertEquals(4, first.availableNum());
        assertEquals(0, flavors.get(3).availableNum());
    }

    @Test
    void createsWaitsAndGetsTheEndpointUrl() {
        sim.setReadyDelay(Duration.ofMinutes(10));
        Service created = client.createService(request("build-42", 1)).join();
        assertEquals("initializing", created.status());
        assertEquals("build-42", created.name());
        assertEquals(Set.of(created.serviceId()), sim.liveServices());

        assertFalse(client.getService(created.serviceId()).join().isAvailable());
        clock.advance(Duration.ofMinutes(10));
        Service ready = client.getService(created.serviceId()).join();
        assertTrue(ready.isAvailable());
        assertEquals(sim.endpointUrl(created.serviceId()), ready.endpointUrl().url());
        assertEquals("url", ready.endpointUrl().key());
        assertEquals(2, sim.statusGets(created.serviceId()));
        assertEquals(clock.instant(), sim.availableAt(created.serviceId()).orElseThrow());
    }

    @Test
    void scalesBackToInitializingThenAvailableWithTheNewCount() {
        Service created = client.createService(request("scale-me", 1)).join();
        sim.setScaleDelay(Duration.ofMinutes(2));
        Service scaling = client.scaleService(created.serviceId(), 2).join();
        assertEquals("initializing", scaling.status());
        assertEquals(1, scaling.resourceMetadata().targetInstanceNumber());
        clock.advance(Duration.ofMinutes(2));
        Service scaled = client.getService(created.serviceId()).join();
        assertTrue(scaled.isAvailable());
        assertEquals(2, scaled.resourceMetadata().targetInstanceNumber());
    }

    @Test
    void deletesAndCountsAnUnknownServiceAsAlreadyGone() {
        Service created = client.createService(request("delete-me", 1)).join();
        assertEquals(
                DeleteOutcome.DELETED, client.deleteService(created.serviceId()).join());
        assertEquals(Set.of(), sim.liveServices());
        Service after = client.getService(created.serviceId()).join();
        assertTrue(after.isGone());
        assertEquals(
                DeleteOutcome.ALREADY_GONE,
                client.deleteService(created.serviceId()).join());
        assertEquals(
                DeleteOutcome.ALREADY_GONE, client.deleteService("no-such-id").join());
    }

    @Test
    void aDeletedServiceCanAnswer404() {
        sim.setDeleteMode(NetMindSimulator.DeleteMode.NOT_FOUND);
        Service created = client.createService(request("gone", 1)).join();
        client.deleteService(created.serviceId()).join();
        CompletionException e = assertThrows(
                CompletionException.class,
                () -> client.getService(created.serviceId()).join());
        assertEquals(NetMindException.Kind.NOT_FOUND, NetMindException.unwrap(e).kind());
    }

    @Test
    void listsServicesWhenTheRouteExistsAndSaysUnsupportedOtherwise() {
        client.createService(request("one", 1)).join();
        client.createService(request("two", 1)).join();
        ServiceList list = client.listServices().join();
        assertTrue(list.supported());
        assertEquals(
                List.of("one", "two"),
                list.services().stream().map(Service::name).toList());

        sim.setListMode(NetMindSimulator.ListMode.NOT_FOUND);
        assertEquals(ServiceList.unsupported(), client.listServices().join());
        sim.setListMode(NetMindSimulator.ListMode.METHOD_NOT_ALLOWED);
        assertEquals(ServiceList.unsupported(), client.listServices().join());
    }

    @Test
    void probesTheEndpointUrlWithoutTheTokenUnlessAsked() {
        sim.setEndpointReadyLag(Duration.ofSeconds(30));
        Service created = client.createService(request("probe-me", 1)).join();
        var url = client.getService(created.serviceId()).join().endpointUrl().url();
        assertEquals(503, client.probe(url, false).join());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(200, client.probe(url, false).join());
        assertEquals(200, client.probe(url, true).join());

        List<RecordedRequest> probes = sim.requests(Route.ENDPOINT);
        assertEquals(3, probes.size());
        assertTrue(probes.get(0).header("Authorization").isEmpty());
        assertEquals("Bearer ****", probes.get(2).header("Authorization").orElseThrow());
        assertTrue(probes.get(2).tokenValid());
        client.deleteService(created.serviceId()).join();
        assertEquals(404, client.probe(url, false).join());
    }

    @Test
    void theUrlKeyOfTheSimulatorIsConfigurable() {
        sim.setEndpointUrlKey("access.public_url", false);
        Service created = client.createService(request("nested", 1)).join();
        EndpointUrl url = client.getService(created.serviceId()).join().endpointUrl();
        assertEquals("access.public_url", url.key());
        assertEquals(
                "https://" + sim.endpointUrl(created.serviceId()).toString().substring("http://".length()),
                url.url().toString());
    }
}
