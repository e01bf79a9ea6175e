package io.jenkins.plugins.netmind.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.RetryPolicy;
import io.jenkins.plugins.netmind.lifecycle.DeployResult;
import io.jenkins.plugins.netmind.lifecycle.EndpointEngine;
import io.jenkins.plugins.netmind.lifecycle.InMemoryLedger;
import io.jenkins.plugins.netmind.lifecycle.LogSink;
import io.jenkins.plugins.netmind.lifecycle.ScaleResult;
import io.jenkins.plugins.netmind.lifecycle.TeardownReport;
import io.jenkins.plugins.netmind.sim.ImmediateScheduler;
import io.jenkins.plugins.netmind.sim.ManualClock;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the steps do beyond Jenkins plumbing, against the simulator: the parameters go through {@link
 * EndpointSettings}, the engine deploys, and the script gets {@link DeployResults}' map, the block its {@link
 * EndpointVariables}, a failed teardown {@link TeardownMessages}' text. Time is virtual: waits cost no real time.
 */
class StepFlowTest {

    private final ManualClock clock = new ManualClock();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final LogSink sink = log::add;
    private final InMemoryLedger ledger = new InMemoryLedger();
    private NetMindSimulator sim;
    private EndpointEngine engine;

    @BeforeEach
    void startSimulator() {
        sim = NetMindSimulator.builder().clock(clock).start();
        ImmediateScheduler scheduler = new ImmediateScheduler(clock);
        NetMindClient client = sim.clientBuilder()
                .scheduler(scheduler)
                .clock(clock)
                .random(new Random(1))
                .retryPolicy(new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10)))
                .build();
        engine = EndpointEngine.builder(client)
                .scheduler(scheduler)
                .clock(clock)
                .random(new Random(2))
                .teardownTimeout(Duration.ofMinutes(1))
                .build();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private static EndpointSettings settings() {
        EndpointSettings s = new EndpointSettings("python:3.10-slim");
        s.setGpu("NVIDIA_GeForce_RTX_4090");
        s.setRegion("other");
        s.setGpuCount(0);
        return s;
    }

    private DeployResult deploy(EndpointSettings s) throws Exception {
        return engine.deploy(s.toDeploySpec("team/app #7", 0, null), ledger, sink)
                .result()
                .get(20, TimeUnit.SECONDS);
    }

    @Test
    void deployReturnsAMapOfPlainValuesTheSandboxCanRead() throws Exception {
        DeployResult result = deploy(settings());

        Map<String, Object> map = DeployResults.toMap(result);

        assertEquals(
                List.of("url", "serviceId", "name", "flavorId", "instances", "pricePerHour"),
                List.copyOf(map.keySet()));
        assertEquals(sim.endpointUrl(result.serviceId()).toString(), map.get("url"));
        assertEquals(result.serviceId(), map.get("serviceId"));
        assertTrue(sim.liveServices().contains(map.get("serviceId")), "the endpoint is live on NetMind");
        assertTrue(((String) map.get("name")).startsWith("team-app-7-"), String.valueOf(map.get("name")));
        assertEquals("7b2f36d30e0743debc6c60d5017e2d16", map.get("flavorId"), "the 4090 in region 'other'");
        assertEquals(Integer.valueOf(1), map.get("instances"));
        assertEquals("0.3", map.get("pricePerHour"));
        for (Object value : map.values()) {
            assertTrue(value instanceof String || value instanceof Integer, String.valueOf(value));
        }
    }

    @Test
    void theBlockSeesTheEndpointUnderItsPrefix() throws Exception {
        DeployResult result = deploy(settings());

        Map<String, String> env = EndpointVariables.withPrefix("JUDGE")
                .values(String.valueOf(result.url()), result.serviceId(), result.name());

        assertEquals(sim.endpointUrl(result.serviceId()).toString(), env.get("JUDGE_ENDPOINT_URL"));
        assertEquals(result.serviceId(), env.get("JUDGE_SERVICE_ID"));
        assertEquals(sim.name(result.serviceId()).orElseThrow(), env.get("JUDGE_ENDPOINT_NAME"));
    }

    @Test
    void noFittingFlavorFailsWithTheFlavorsOnOffer() {
        EndpointSettings s = settings();
        s.setGpu("NVIDIA_B200");

        ExecutionException e = assertThrows(ExecutionException.class, () -> deploy(s));

        String shown = StepFailures.userMessage(e);
        assertTrue(shown.contains("NVIDIA_B200"), shown);
        assertTrue(shown.contains("NVIDIA_GeForce_RTX_4090"), "lists what is on offer: " + shown);
        assertTrue(sim.liveServices().isEmpty(), "nothing was created");
    }

    @Test
    void scaleReturnsTheNewCount() throws Exception {
        DeployResult result = deploy(settings());

        ScaleResult scaled = engine.scale(ScaleRequests.spec(result.serviceId(), 2, true, 0, 0), ledger, sink)
                .get(20, TimeUnit.SECONDS);

        Map<String, Object> map = ScaleRequests.toMap(scaled);
        assertEquals(result.serviceId(), map.get("serviceId"));
        assertEquals(Integer.valueOf(2), map.get("instances"));
        assertEquals("available", map.get("status"));
    }

    @Test
    void teardownOfEverythingTheBuildCreatedLeavesNothingAndSaysNothing() throws Exception {
        DeployResult a = deploy(settings());
        DeployResult b = deploy(settings());

        TeardownReport report = engine.teardownAll(ledger, sink).get(20, TimeUnit.SECONDS);

        assertNull(TeardownMessages.failure(report));
        assertNull(TeardownMessages.problem(report, null));
        assertTrue(sim.liveServices().isEmpty(), "both deleted: " + sim.liveServices());
        assertEquals(2, report.items().size(), a.serviceId() + " " + b.serviceId());
    }

    @Test
    void anEndpointAlreadyGoneIsNoFailure() throws Exception {
        DeployResult a = deploy(settings());
        engine.teardown(List.of(a.serviceId()), ledger, sink).get(20, TimeUnit.SECONDS);

        TeardownReport again = engine.teardown(List.of(a.serviceId(), "never-existed"), ledger, sink)
                .get(20, TimeUnit.SECONDS);

        assertNull(TeardownMessages.failure(again), String.valueOf(again));
    }

    @Test
    void aTeardownThatFailsNamesTheEndpointLeftBehind() throws Exception {
        DeployResult a = deploy(settings());
        sim.faults().on(Route.DELETE).always().respond(500);

        TeardownReport report =
                engine.teardown(List.of(a.serviceId()), ledger, sink).get(20, TimeUnit.SECONDS);

        String message = TeardownMessages.failure(report);
        assertTrue(
                message.startsWith(
                        "1 NetMind endpoint(s) may still exist: " + a.name() + " (service " + a.serviceId() + "): "),
                message);
        assertTrue(message.endsWith("They are deleted again when the build ends."), message);
        assertTrue(sim.liveServices().contains(a.serviceId()));
        assertTrue(TeardownMessages.problem(report, null).length() > 0);
    }

    @Test
    void aBugKeepsItsStackTraceWhileUserMistakesBecomeOneLine() {
        assertNull(StepFailures.userMessage(new NullPointerException("bug")));
        assertEquals(
                "bad prefix",
                StepFailures.userMessage(
                        new java.util.concurrent.CompletionException(new IllegalArgumentException("bad prefix"))));
        assertEquals("java.lang.IllegalStateException: x", StepFailures.message(new IllegalStateException("x")));
    }
}
