package io.jenkins.plugins.netmind.lifecycle;

import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.await;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.failure;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.RetryPolicy;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The capacity guard inside the engine, against the simulator on real threads with time 60 times faster: what is
 * refused creates nothing, what waits holds no thread, and every outcome releases its reservation or keeps it while
 * the endpoint may exist.
 */
class CapacityEngineTest {

    private static final String SETTINGS = "Manage Jenkins \u2192 System \u2192 NetMind Endpoints";

    private final FastTime time = new FastTime(60, 2);
    private final NetMindSimulator sim = NetMindSimulator.builder().clock(time).start();
    private final NetMindClient client = sim.clientBuilder()
            .scheduler(time)
            .clock(time)
            .random(new Random(3))
            .retryPolicy(new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(1)))
            .build();
    private final CapacityGuard guard = new CapacityGuard(new CapacityGuard.Limits(1, 2, null, null));
    private final EndpointEngine engine = EndpointEngine.builder(client)
            .scheduler(time)
            .clock(time)
            .random(new Random(4))
            .teardownTimeout(Duration.ofMinutes(2))
            .guard(guard)
            .build();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final RecordingLog log = new RecordingLog();

    @AfterEach
    void close() {
        sim.close();
        time.close();
    }

    private static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    private int live() {
        return guard.usage().liveEndpoints();
    }

    @Test
    void theSecondDeployWaitsUntilTheFirstIsConfirmedGone() throws Exception {
        Deployment first = engine.deploy(spec().build(), ledger, log);
        DeployResult a = await(first.result());
        RecordingLog secondLog = new RecordingLog();
        Deployment second = engine.deploy(spec().build(), ledger, secondLog);
        until("queued", () -> guard.usage().queued() == 1);
        assertTrue(
                secondLog.contains(
                        "Endpoint " + second.name() + ": waiting for capacity: 1 of 1 endpoints live (limit: "
                                + SETTINGS + "); place 1 of 1 in the queue"),
                secondLog.toString());
        assertEquals(1, sim.allServices().size(), "the second sent no create while waiting");
        TeardownReport report = await(engine.teardown(List.of(a.serviceId()), ledger, log));
        assertTrue(report.allGone());
        DeployResult b = await(second.result());
        assertTrue(
                secondLog.contains("Endpoint " + second.name() + ": capacity reserved after waiting"),
                secondLog.toString());
        assertEquals(1, live(), "the second holds the one slot");
        await(engine.teardown(List.of(b.serviceId()), ledger, log));
        assertEquals(0, live(), "released once confirmed gone");
        assertEquals(1, sim.peak().endpoints(), "never two live at once");
    }

    @Test
    void aRequestOverALimitFailsAtOnceAndCreatesNothing() throws Exception {
        Deployment d = engine.deploy(spec().instances(3).build(), ledger, log);
        EndpointException e = failure(d.result());
        assertEquals(EndpointException.Reason.OVER_LIMIT, e.reason());
        assertTrue(
                e.getMessage().contains("asks for 3 instance(s), but this controller allows at most 2"),
                e.getMessage());
        assertTrue(sim.requests(Route.CREATE).isEmpty());
        assertTrue(ledger.entries().isEmpty(), "no intent recorded");
        assertEquals(0, live());
    }

    @Test
    void theStepsPriceCeilingIsCheckedInDollarsBeforeTheCreate() throws Exception {
        // RTX 4090: 0.30 USD per instance-hour (2.2 CNY): 2 instances cost 0.60 USD, whatever the payment type
        Deployment d = engine.deploy(
                spec().instances(2)
                        .paymentType("cny")
                        .maxPricePerHour(new BigDecimal("0.5"))
                        .build(),
                ledger,
                log);
        EndpointException e = failure(d.result());
        assertEquals(EndpointException.Reason.OVER_LIMIT, e.reason());
        assertEquals(
                "Endpoint " + d.name() + " would cost 0.60 USD per hour (2 instance(s) \u00d7 0.30 USD), more than its"
                        + " maxPricePerHour of 0.50 USD (US dollars, the flavor's USD price whatever the payment type)."
                        + " Ask for fewer instances or a cheaper GPU, or raise maxPricePerHour; nothing was created.",
                e.getMessage());
        assertTrue(sim.requests(Route.CREATE).isEmpty());
        assertEquals(0, live());
        DeployResult ok = await(engine.deploy(
                        spec().instances(1)
                                .maxPricePerHour(new BigDecimal("0.5"))
                                .build(),
                        ledger,
                        log)
                .result());
        assertEquals(1, ok.instances());
    }

    @Test
    void failWhenOverCapacityFailsInsteadOfWaiting() throws Exception {
        await(engine.deploy(spec().build(), ledger, log).result());
        Deployment d = engine.deploy(spec().failWhenOverCapacity(true).build(), ledger, log);
        EndpointException e = failure(d.result());
        assertEquals(EndpointException.Reason.OVER_LIMIT, e.reason());
        assertTrue(e.getMessage().contains("failWhenOverCapacity is set"), e.getMessage());
        assertEquals(1, sim.allServices().size());
        assertEquals(0, guard.usage().queued());
    }

    @Test
    void aCreateThatFailsWithNothingCreatedReleases() throws Exception {
        sim.faults().on(Route.CREATE).call(1).respond(400);
        Deployment d = engine.deploy(spec().build(), ledger, log);
        failure(d.result());
        assertEquals(
                LedgerEntry.State.DELETED, ledger.get(d.name()).orElseThrow().state());
        assertEquals(0, live());
    }

    @Test
    void anEndpointThatFailsIsDeletedAndReleased() throws Exception {
        sim.faults().on(Route.CREATE).call(1).terminalFailure("CUDA out of memory");
        Deployment d = engine.deploy(spec().build(), ledger, log);
        assertEquals(
                EndpointException.Reason.ENDPOINT_FAILED, failure(d.result()).reason());
        until("released", () -> live() == 0);
        assertTrue(sim.liveServices().isEmpty());
    }

    @Test
    void anAbortWhileQueuedLeavesTheQueueAndCreatesNothing() throws Exception {
        await(engine.deploy(spec().build(), ledger, log).result());
        Deployment queued = engine.deploy(spec().build(), ledger, log);
        Deployment behind = engine.deploy(spec().build(), ledger, log);
        until("both queued", () -> guard.usage().queued() == 2);
        await(queued.cancel());
        assertEquals(
                EndpointException.Reason.CANCELLED, failure(queued.result()).reason());
        assertEquals(1, guard.usage().queued());
        assertTrue(
                log.contains("Endpoint " + behind.name() + ": waiting for capacity: 1 of 1 endpoints live (limit: "
                        + SETTINGS + "); place 1 of 1 in the queue"),
                log.toString());
        assertEquals(1, sim.allServices().size());
        assertTrue(ledger.get(queued.name()).isEmpty(), "nothing recorded for the cancelled one");
        behind.cancel();
        assertEquals(0, guard.usage().queued());
    }

    @Test
    void anAbortAfterTheCreateReleasesOnceDeleted() throws Exception {
        sim.setReadyDelay(Duration.ofHours(1));
        Deployment d = engine.deploy(spec().build(), ledger, log);
        until(
                "created",
                () -> !sim.requests(Route.CREATE).isEmpty()
                        && ledger.get(d.name()).isPresent()
                        && ledger.get(d.name()).orElseThrow().serviceId() != null);
        assertEquals(1, live());
        await(d.cancel());
        assertEquals(0, live());
        assertTrue(sim.liveServices().isEmpty());
    }

    @Test
    void aWaitForCapacityCountsAgainstTheTimeout() throws Exception {
        await(engine.deploy(spec().build(), ledger, log).result());
        Deployment d = engine.deploy(spec().timeout(Duration.ofMinutes(2)).build(), ledger, log);
        EndpointException e = failure(d.result());
        assertEquals(EndpointException.Reason.TIMEOUT, e.reason());
        assertTrue(e.getMessage().startsWith("Endpoint " + d.name() + " waited "), e.getMessage());
        assertTrue(e.getMessage().contains("for capacity and its timeout ended; nothing was created."), e.getMessage());
        assertEquals(0, guard.usage().queued());
        assertEquals(1, live());
        assertEquals(1, sim.allServices().size());
    }

    @Test
    void aLostCreateKeepsItsReservationWhileUnknown() throws Exception {
        sim.setListMode(NetMindSimulator.ListMode.NOT_FOUND);
        sim.faults().on(Route.CREATE).call(1).createdButResponseLost();
        Deployment d = engine.deploy(spec().build(), ledger, log);
        assertEquals(
                EndpointException.Reason.OUTCOME_UNKNOWN, failure(d.result()).reason());
        assertEquals(
                LedgerEntry.State.UNKNOWN, ledger.get(d.name()).orElseThrow().state());
        assertEquals(1, live(), "an endpoint that may exist keeps its place");
        Deployment next = engine.deploy(spec().failWhenOverCapacity(true).build(), ledger, log);
        assertEquals(EndpointException.Reason.OVER_LIMIT, failure(next.result()).reason());
    }

    @Test
    void aTeardownThatFailsKeepsTheReservationUntilALaterOneConfirms() throws Exception {
        DeployResult r = await(engine.deploy(spec().build(), ledger, log).result());
        sim.faults().on(Route.DELETE).always().respond(500);
        TeardownReport failed = await(engine.teardown(List.of(r.serviceId()), ledger, log));
        assertFalse(failed.allGone());
        assertEquals(1, live());
        sim.faults().clear();
        TeardownReport ok = await(engine.teardownAll(ledger, log));
        assertTrue(ok.allGone(), ok.toString());
        assertEquals(0, live());
    }

    @Test
    void aScaleOverTheLimitIsRefusedAndOneWithinResizesTheReservation() throws Exception {
        CapacityGuard gpuGuard = new CapacityGuard(new CapacityGuard.Limits(null, 4, 5, null));
        EndpointEngine e = EndpointEngine.builder(client)
                .scheduler(time)
                .clock(time)
                .guard(gpuGuard)
                .build();
        DeployResult r = await(
                e.deploy(spec().gpuCount(1).instances(2).build(), ledger, log).result());
        await(e.deploy(spec().gpuCount(1).instances(2).build(), ledger, log).result());
        EndpointException over = failure(e.scale(new ScaleSpec(r.serviceId(), 5, false, null), ledger, log));
        assertTrue(over.getMessage().contains("at most 4 per endpoint"), over.getMessage());
        EndpointException full = failure(e.scale(new ScaleSpec(r.serviceId(), 4, false, null), ledger, log));
        assertEquals(EndpointException.Reason.OVER_LIMIT, full.reason());
        assertTrue(full.getMessage().contains("A scale up does not wait for capacity"), full.getMessage());
        assertTrue(sim.requests(Route.UPDATE).isEmpty(), "refused scales send nothing");
        await(e.scale(new ScaleSpec(r.serviceId(), 3, false, null), ledger, log));
        assertEquals(5, gpuGuard.usage().gpus());
        assertTrue(sim.peak().gpus() <= 5, "peak " + sim.peak());
    }

    @Test
    void theDryRunChecksTheLimitsAndSaysWhatIsLeft() throws Exception {
        DeployPlan free = await(engine.plan(spec().build(), log));
        assertFalse(free.waitsForCapacity());
        assertEquals(1, free.capacity().endpointsLeft());
        assertTrue(log.contains("Dry run: capacity in use on this controller: 0 of 1 endpoints live"), log.toString());
        await(engine.deploy(spec().build(), ledger, log).result());
        DeployPlan full = await(engine.plan(spec().build(), log));
        assertTrue(full.waitsForCapacity());
        assertEquals(0, full.capacity().endpointsLeft());
        assertNull(full.capacity().gpusLeft());
        assertTrue(log.contains("this deploy would wait for capacity"), log.toString());
        EndpointException tooBig = failure(engine.plan(spec().instances(3).build(), log));
        assertEquals(EndpointException.Reason.OVER_LIMIT, tooBig.reason());
        assertEquals(1, sim.allServices().size(), "dry runs create nothing");
    }
}
