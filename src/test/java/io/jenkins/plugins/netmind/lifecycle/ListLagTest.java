package io.jenkins.plugins.netmind.lifecycle;

import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.await;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.failure;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.client.CreateServiceRequest;
import io.jenkins.plugins.netmind.client.Scheduler;
import io.jenkins.plugins.netmind.sim.Route;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * NetMind's list may lag behind a create. An endpoint whose create answer was lost and that the list does not show
 * yet is never forgotten: the deploy looks again with backoff, and a teardown leaves a young entry UNKNOWN (not
 * confirmed) until the list grace period (10 minutes by default) has passed.
 */
class ListLagTest {

    private static final String FLAVOR = "69475e82e81c4dd6be3467e2ca374e0c";

    private final VirtualSim v = new VirtualSim();

    @AfterEach
    void close() {
        v.close();
    }

    @Test
    void deployLooksAgainUntilTheLaggingListShowsTheEndpoint() throws Exception {
        v.sim.setListLag(Duration.ofMinutes(3));
        v.sim.faults().on(Route.CREATE).call(1).createdButResponseLost();

        DeployResult r = await(v.engine.deploy(spec().build(), v.ledger, v.log).result());

        assertEquals(1, v.sim.allServices().size(), "no second create");
        assertEquals(v.sim.allServices().iterator().next(), r.serviceId());
        assertTrue(
                v.log.contains("Endpoint " + r.name() + " is not in NetMind's list yet; the list may lag behind a"
                        + " create, so looking again for up to 10m 00s."),
                v.log.toString());
        assertTrue(
                v.log.contains("Found endpoint " + r.name() + " by name: service id " + r.serviceId()),
                v.log.toString());
        int lists = v.sim.requests(Route.LIST).size();
        assertTrue(lists > 2 && lists < 20, "list calls with backoff over 3 minutes: " + lists);
        assertEquals(
                LedgerEntry.State.CREATED, v.ledger.get(r.name()).orElseThrow().state());
    }

    @Test
    void aCreateThatMadeNothingIsReportedOnceTheGracePeriodHasPassed() throws Exception {
        v.sim.faults().on(Route.CREATE).call(1).respond(500);
        Deployment d = v.engine.deploy(spec().build(), v.ledger, v.log);

        EndpointException e = failure(d.result());

        assertEquals(EndpointException.Reason.NETMIND, e.reason());
        assertTrue(e.getMessage().startsWith("Could not create endpoint " + d.name() + ": "), e.getMessage());
        assertEquals(
                LedgerEntry.State.DELETED, v.ledger.get(d.name()).orElseThrow().state());
        int lists = v.sim.requests(Route.LIST).size();
        assertTrue(lists > 2 && lists < 40, "list calls with backoff over 10 minutes: " + lists);
        assertTrue(v.sim.allServices().isEmpty());
    }

    @Test
    void deployDeadlineBeforeTheListCatchesUpLeavesUnknownAndALaterSweepDeletesIt() throws Exception {
        v.sim.setListLag(Duration.ofMinutes(20));
        v.sim.faults().on(Route.CREATE).call(1).createdButResponseLost();
        Deployment d = v.engine.deploy(spec().timeout(Duration.ofMinutes(5)).build(), v.ledger, v.log);

        EndpointException e = failure(d.result());

        assertEquals(EndpointException.Reason.OUTCOME_UNKNOWN, e.reason());
        assertTrue(
                e.getMessage()
                        .equals("Could not find out whether endpoint " + d.name() + " was created (it did not show"
                                + " up in the NetMind list before the deadline of the deploy, and that list may lag"
                                + " behind a create). Check the NetMind console and delete it there if it exists."),
                e.getMessage());
        LedgerEntry unknown = v.ledger.get(d.name()).orElseThrow();
        assertEquals(LedgerEntry.State.UNKNOWN, unknown.state());
        assertEquals(1, v.sim.liveServices().size(), "still there, and still in the ledger");
        assertTrue(
                failure(d.cancel()).getMessage().contains("it stays in the ledger as UNKNOWN for a later sweep"),
                "a cancel cannot promise it is gone");

        TeardownReport early = await(v.engine.teardownAll(v.ledger, v.log));
        assertEquals(1, early.failures().size(), early.toString());
        assertTrue(
                early.failures().get(0).message().startsWith("Endpoint " + d.name() + " is not in NetMind's list,"),
                early.failures().get(0).message());
        assertEquals(unknown, v.ledger.get(d.name()).orElseThrow(), "kept as it was, with its time");

        v.clock.advance(Duration.ofMinutes(16));
        TeardownReport later = await(v.engine.teardownAll(v.ledger, v.log));
        assertTrue(later.allGone(), later.toString());
        assertEquals(TeardownReport.Outcome.DELETED, later.items().get(0).outcome());
        assertTrue(v.sim.liveServices().isEmpty());
        assertTrue(v.ledger.live().isEmpty(), v.ledger.toString());
    }

    @Test
    void teardownOfAYoungEntryTheListDoesNotShowStaysUnknownUntilTheGracePeriodEnds() throws Exception {
        v.sim.setListLag(Duration.ofMinutes(5));
        String id = createDirectly("lagging");
        Instant recorded = v.clock.instant();
        v.ledger.put(
                new LedgerEntry("lagging", null, LedgerEntry.State.INTENT, recorded, FLAVOR, 1, null, "usd", null));
        v.ledger.put(new LedgerEntry("ghost", null, LedgerEntry.State.INTENT, recorded, FLAVOR, 1, null, "usd", null));

        TeardownReport first = await(v.engine.teardownAll(v.ledger, v.log));

        assertEquals(2, first.failures().size(), first.toString());
        assertEquals(
                "Endpoint lagging is not in NetMind's list, but its create may still be under way or its answer was"
                        + " only just lost, and the list may lag up to 10m 00s behind a create: it stays in the ledger"
                        + " as UNKNOWN, not confirmed deleted. Try again later.",
                first.failures().get(0).message());
        for (String name : List.of("lagging", "ghost")) {
            LedgerEntry e = v.ledger.get(name).orElseThrow();
            assertEquals(LedgerEntry.State.UNKNOWN, e.state());
            assertEquals(recorded, e.recordedAt(), "the grace period counts from the first teardown that missed it");
        }
        assertEquals(List.of(id), List.copyOf(v.sim.liveServices()));

        v.clock.advance(Duration.ofMinutes(6));
        TeardownReport second = await(v.engine.teardownAll(v.ledger, v.log));
        assertEquals(TeardownReport.Outcome.DELETED, second.items().get(0).outcome(), second.toString());
        assertEquals(id, second.items().get(0).serviceId());
        assertEquals(1, second.failures().size(), "the ghost is still young: " + second);

        v.clock.advance(Duration.ofMinutes(5));
        TeardownReport third = await(v.engine.teardownAll(v.ledger, v.log));
        assertEquals(
                List.of(TeardownReport.Outcome.NOT_CREATED),
                third.items().stream().map(TeardownReport.Item::outcome).toList());
        assertTrue(v.log.contains("Endpoint ghost was never created; nothing to delete"), v.log.toString());
        assertTrue(v.sim.liveServices().isEmpty());
        assertTrue(v.ledger.live().isEmpty(), v.ledger.toString());
    }

    @Test
    void resumeOfAnIntentLooksAgainUntilTheLaggingListShowsIt() throws Exception {
        v.sim.setListLag(Duration.ofMinutes(2));
        String id = createDirectly("resumed-late");
        v.ledger.put(new LedgerEntry(
                "resumed-late", null, LedgerEntry.State.INTENT, v.clock.instant(), FLAVOR, 1, null, "usd", null));

        DeployResult r = await(
                v.engine.resume(resumeState("resumed-late"), v.ledger, v.log).result());

        assertEquals(id, r.serviceId());
        assertEquals(1, v.sim.allServices().size());
        assertEquals(
                LedgerEntry.State.CREATED,
                v.ledger.get("resumed-late").orElseThrow().state());
    }

    @Test
    void cancelDuringTheLookupLeavesTheEndpointUnknownAndSaysSo() throws Exception {
        HeldScheduler held = new HeldScheduler();
        EndpointEngine engine =
                EndpointEngine.builder(v.client).scheduler(held).clock(v.clock).build();
        v.sim.setListLag(Duration.ofMinutes(30));
        v.sim.faults().on(Route.CREATE).call(1).createdButResponseLost();
        CompletableFuture<String> looking = new CompletableFuture<>();
        LogSink log = line -> {
            v.log.log(line);
            if (line.contains("looking again")) {
                looking.complete(line);
            }
        };
        Deployment d = engine.deploy(spec().build(), v.ledger, log);
        looking.get(20, TimeUnit.SECONDS);

        EndpointException left = failure(d.cancel());

        assertEquals(EndpointException.Reason.CANCELLED, failure(d.result()).reason());
        assertTrue(
                left.getMessage().startsWith("Endpoint " + d.name() + " is not in NetMind's list,"), left.getMessage());
        assertEquals(
                LedgerEntry.State.UNKNOWN, v.ledger.get(d.name()).orElseThrow().state());
        assertEquals(1, v.sim.liveServices().size());

        v.clock.advance(Duration.ofMinutes(31));
        assertTrue(await(v.engine.teardownAll(v.ledger, v.log)).allGone());
        assertTrue(v.sim.liveServices().isEmpty());
    }

    private String createDirectly(String name) throws Exception {
        return await(v.client.createService(new CreateServiceRequest(
                        name,
                        "x",
                        "usd",
                        CreateServiceRequest.Resources.manual(FLAVOR, 1),
                        new CreateServiceRequest.Deployment("python:3.10-slim", null, 8080, 0))))
                .serviceId();
    }

    private ResumeState resumeState(String name) {
        return new ResumeState(
                name,
                null,
                v.clock.instant().plus(Duration.ofMinutes(30)),
                null,
                false,
                FLAVOR,
                "NVIDIA_GeForce_RTX_4090",
                new BigDecimal("0.3"),
                "usd",
                1,
                null);
    }

    /** Keeps every scheduled task until the test runs it (here: never), so a wait stays a wait. */
    private static final class HeldScheduler implements Scheduler {
        final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

        @Override
        public Handle schedule(Duration delay, Runnable task) {
            tasks.add(task);
            return () -> tasks.remove(task);
        }
    }
}
