package io.jenkins.plugins.netmind.lifecycle;

import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.await;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.failure;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.RecordedRequest;
import io.jenkins.plugins.netmind.sim.Route;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a deploy at every point ends with the endpoint deleted if it exists. Runs on real threads with time 60
 * times faster, so the cancellation really races the engine's callbacks.
 */
class CancelTest {

    private final FastTime time = new FastTime(60, 2);
    private final NetMindSimulator sim = NetMindSimulator.builder().clock(time).start();
    private final NetMindClient client = sim.clientBuilder()
            .scheduler(time)
            .clock(time)
            .random(new Random(3))
            .build();
    private final EndpointEngine engine = EndpointEngine.builder(client)
            .scheduler(time)
            .clock(time)
            .random(new Random(4))
            .build();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final RecordingLog log = new RecordingLog();

    @AfterEach
    void close() {
        sim.close();
        time.close();
    }

    private static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    private void assertCancelledAndClean(Deployment d) throws Exception {
        await(d.cancel());
        EndpointException e = failure(d.result());
        assertEquals(EndpointException.Reason.CANCELLED, e.reason());
        assertEquals("The deploy of endpoint " + d.name() + " was cancelled.", e.getMessage());
        assertTrue(sim.liveServices().isEmpty(), "left behind: " + sim.liveServices());
        assertTrue(ledger.live().isEmpty(), ledger.toString());
        assertTrue(log.contains("Cancelling the deploy of endpoint " + d.name()), log.toString());
    }

    @Test
    void beforeCreateNothingIsCreated() throws Exception {
        sim.faults().on(Route.LIST_FLAVORS).call(1).latency(Duration.ofMillis(200));
        Deployment d = engine.deploy(spec().build(), ledger, log);
        d.cancel();
        assertCancelledAndClean(d);
        assertEquals(0, sim.requests(Route.CREATE).size());
    }

    @Test
    void whileCreateIsInFlightWhatItCreatesIsDeleted() throws Exception {
        sim.faults().on(Route.CREATE).call(1).latency(Duration.ofMillis(300));
        Deployment d = engine.deploy(spec().build(), ledger, log);
        until("create sent", () -> !sim.requests(Route.CREATE).isEmpty());
        d.cancel();
        assertCancelledAndClean(d);
        assertEquals(1, sim.allServices().size());
        String id = sim.allServices().iterator().next();
        List<RecordedRequest> deletes = sim.requests(Route.DELETE);
        assertEquals(1, deletes.size());
        assertTrue(deletes.get(0).path().endsWith(id));
        assertEquals(
                LedgerEntry.State.DELETED, ledger.get(d.name()).orElseThrow().state());
    }

    @Test
    void whileWaitingTheEndpointIsDeletedPromptly() throws Exception {
        sim.setReadyDelay(Duration.ofHours(1));
        Deployment d = engine.deploy(spec().build(), ledger, log);
        until("first status call", () -> !sim.requests(Route.GET).isEmpty());
        long getsBefore = sim.requests(Route.GET).size();
        d.cancel();
        assertCancelledAndClean(d);
        assertTrue(sim.requests(Route.GET).size() - getsBefore <= 3, "stopped polling, only confirming the delete");
    }

    @Test
    void whileProbingTheEndpointIsDeleted() throws Exception {
        sim.setEndpointReadyLag(Duration.ofHours(1));
        Deployment d = engine.deploy(spec().readinessPath("/health").build(), ledger, log);
        until("first probe", () -> !sim.requests(Route.ENDPOINT).isEmpty());
        d.cancel();
        assertCancelledAndClean(d);
    }

    @Test
    void afterSuccessTheEndpointIsDeleted() throws Exception {
        Deployment d = engine.deploy(spec().build(), ledger, log);
        DeployResult r = await(d.result());
        await(d.cancel());
        assertTrue(sim.liveServices().isEmpty());
        assertEquals(
                LedgerEntry.State.DELETED, ledger.get(r.name()).orElseThrow().state());
        assertTrue(log.contains("Deleted endpoint " + r.name()), log.toString());
    }

    @Test
    void cancelRacingCompletionAlwaysEndsWithTheEndpointGone() throws Exception {
        Random random = new Random(11);
        Map<String, CompletableFuture<Deployment>> byName = new ConcurrentHashMap<>();
        Map<String, Duration> cancelAfterCreate = new ConcurrentHashMap<>();
        // each cancel is timed from the moment the create was answered (the ledger learns the service id), not from
        // the deploy's start: on a loaded machine the flavor list and the create may take longer than the ready delay,
        // and a cancel before the create would race nothing
        Ledger timing = new Ledger() {
            @Override
            public void put(LedgerEntry entry) {
                ledger.put(entry);
                if (entry.state() == LedgerEntry.State.CREATED && cancelAfterCreate.containsKey(entry.name())) {
                    Duration at = cancelAfterCreate.remove(entry.name());
                    byName.get(entry.name()).thenAccept(d -> time.schedule(at, d::cancel));
                }
            }

            @Override
            public Optional<LedgerEntry> get(String name) {
                return ledger.get(name);
            }

            @Override
            public List<LedgerEntry> entries() {
                return ledger.entries();
            }
        };
        List<Deployment> deployments = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = "race-" + i;
            Duration ready = Duration.ofSeconds(30 + random.nextInt(30));
            sim.setReadyDelay(name, ready);
            // cancel around the moment the deploy completes: just before, at, or just after
            Duration at = ready.plusMillis(random.nextInt(22_000) - 2000);
            cancelAfterCreate.put(name, at.isNegative() ? Duration.ZERO : at);
            byName.put(name, new CompletableFuture<>());
            Deployment d = engine.deploy(spec().name(name).build(), timing, log);
            byName.get(name).complete(d);
            deployments.add(d);
        }
        int cancelledWhileWaiting = 0;
        for (Deployment d : deployments) {
            until("cancel of " + d.name(), () -> d.result().isDone());
            await(d.cancel());
            if (d.result().isCompletedExceptionally()) {
                assertEquals(
                        EndpointException.Reason.CANCELLED, failure(d.result()).reason());
                cancelledWhileWaiting++;
            }
        }
        System.out.println("cancel races: " + cancelledWhileWaiting + " cancelled while waiting, "
                + (40 - cancelledWhileWaiting) + " after completing");
        assertTrue(sim.liveServices().isEmpty(), "left behind: " + sim.liveServices());
        assertTrue(ledger.live().isEmpty(), ledger.toString());
        assertEquals(40, sim.requests(Route.CREATE).size(), log.toString());
    }

    @Test
    void cancellingTwiceIsHarmless() throws Exception {
        sim.setReadyDelay(Duration.ofHours(1));
        Deployment d = engine.deploy(spec().build(), ledger, log);
        until("first status call", () -> !sim.requests(Route.GET).isEmpty());
        d.cancel();
        d.cancel();
        assertCancelledAndClean(d);
        assertEquals(1, sim.requests(Route.DELETE).size());
        assertEquals(1, log.count("Cancelling the deploy"));
    }
}
