package io.jenkins.plugins.netmind.lifecycle;

import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.await;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.client.Scheduler;
import io.jenkins.plugins.netmind.sim.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The warm pool: keys, exclusive leases, idle expiry, and the check before a parked endpoint is handed out. */
class WarmPoolTest {

    private final VirtualSim v = new VirtualSim();
    private final ManualScheduler timers = new ManualScheduler();
    private final List<WarmPool.Parked> expired = new CopyOnWriteArrayList<>();
    private final WarmPool pool = new WarmPool(timers, v.clock, expired::add);

    @AfterEach
    void close() {
        v.close();
    }

    /** A scheduler that only records: tasks run when the test says. */
    private static final class ManualScheduler implements Scheduler {
        record Task(Duration delay, Runnable task, boolean[] cancelled) {}

        final List<Task> tasks = new CopyOnWriteArrayList<>();

        @Override
        public Handle schedule(Duration delay, Runnable task) {
            Task t = new Task(delay, task, new boolean[1]);
            tasks.add(t);
            return () -> {
                t.cancelled()[0] = true;
                return true;
            };
        }
    }

    private static WarmPool.Key key(DeploySpec spec) {
        return WarmPool.Key.of(spec, "netmind-token", "http://127.0.0.1:1/");
    }

    private static DeployResult fake(String serviceId) {
        Instant created = Instant.parse("2026-01-01T10:00:00Z");
        return new DeployResult(
                serviceId,
                "ep-" + serviceId,
                null,
                null,
                "f1",
                "NVIDIA_GeForce_RTX_4090",
                1,
                null,
                "usd",
                created,
                created.plus(Duration.ofMinutes(11)),
                "cn");
    }

    private WarmPool.Parked parked(WarmPool.Key key, DeployResult endpoint, Duration idle) {
        Instant now = v.clock.instant();
        return new WarmPool.Parked(key, endpoint, now, now.plus(idle));
    }

    @Test
    void keyHoldsTheRunningSettingsNotNameOwnerOrTimeout() {
        WarmPool.Key base = key(spec().build());
        assertEquals(
                base,
                key(spec().name("other-name")
                        .owner("other/job #9")
                        .timeout(Duration.ofMinutes(5))
                        .readinessPath("/health")
                        .build()));
        assertNotEquals(base, key(spec().image("python:3.12-slim").build()));
        assertNotEquals(base, key(spec().command("python other.py").build()));
        assertNotEquals(base, key(spec().port(9000).build()));
        assertNotEquals(base, key(spec().region("other").build()));
        assertNotEquals(base, key(spec().gpuCount(2).build()));
        assertNotEquals(base, key(spec().instances(2).build()));
        assertNotEquals(base, key(spec().paymentType("cny").build()));
        assertNotEquals(base, WarmPool.Key.of(spec().build(), "other-token", "http://127.0.0.1:1/"));
        assertNotEquals(base, WarmPool.Key.of(spec().build(), "netmind-token", "http://127.0.0.1:2/"));
        WarmPool.Key byId = key(spec().gpu(null).flavorId("f1").region("cn").build());
        assertEquals(null, byId.gpu());
        assertEquals(null, byId.region(), "a flavor id fixes the region");
    }

    @Test
    void keyTextReadsBack() {
        WarmPool.Key odd =
                key(spec().command("sh -c 'a=1 & b=2; echo %20 ü'").region("cn").build());
        assertEquals(odd, WarmPool.Key.parse(odd.text()));
        WarmPool.Key plain = key(spec().command(null).build());
        assertEquals(plain, WarmPool.Key.parse(plain.text()));
        assertFalse(plain.text().contains("command"), plain.text());
    }

    @Test
    void leaseTakesOnlyTheSameKeyMostRecentFirstAndOnce() {
        WarmPool.Key key = key(spec().build());
        pool.park(parked(key, fake("s1"), Duration.ofMinutes(30)));
        pool.park(parked(key, fake("s2"), Duration.ofMinutes(30)));
        assertFalse(pool.park(parked(key, fake("s2"), Duration.ofMinutes(30))), "parked once");

        assertTrue(pool.lease(key(spec().instances(3).build())).isEmpty());
        assertEquals("s2", pool.lease(key).orElseThrow().serviceId());
        assertEquals("s1", pool.lease(key).orElseThrow().serviceId());
        assertTrue(pool.lease(key).isEmpty());
        assertTrue(timers.tasks.stream().allMatch(t -> t.cancelled()[0]), "a lease stops the idle timer");
    }

    @Test
    void leaseIsExclusiveUnderContention() throws Exception {
        WarmPool.Key key = key(spec().build());
        int endpoints = 50;
        int threads = 16;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < endpoints; i++) {
                    pool.park(parked(key, fake("r" + round + "-" + i), Duration.ofMinutes(30)));
                }
                CountDownLatch go = new CountDownLatch(1);
                ConcurrentLinkedQueue<String> leased = new ConcurrentLinkedQueue<>();
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    workers.add(executor.submit(() -> {
                        go.await();
                        Optional<WarmPool.Parked> p;
                        while ((p = pool.lease(key)).isPresent()) {
                            leased.add(p.get().serviceId());
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> w : workers) {
                    w.get();
                }
                assertEquals(endpoints, leased.size(), "every endpoint leased once, round " + round);
                assertEquals(endpoints, new HashSet<>(leased).size(), "no endpoint leased twice, round " + round);
                assertTrue(pool.parked().isEmpty());
            }
        } finally {
            executor.shutdownNow();
        }
        assertTrue(expired.isEmpty());
    }

    @Test
    void idleTimerRemovesAndHandsOverForDeletion() {
        WarmPool.Key key = key(spec().build());
        WarmPool.Parked a = parked(key, fake("a"), Duration.ofMinutes(10));
        pool.park(a);
        assertEquals(Duration.ofMinutes(10), timers.tasks.get(0).delay(), "the timer waits the idle time");
        assertTrue(expired.isEmpty(), "nothing expires before its time");

        timers.tasks.get(0).task().run();

        assertEquals(List.of(a), expired);
        assertFalse(pool.isParked("a"));
        assertTrue(pool.lease(key).isEmpty(), "an expired endpoint is not leased");
    }

    @Test
    void leasedEndpointIsNotExpiredByItsOldTimer() {
        WarmPool.Key key = key(spec().build());
        pool.park(parked(key, fake("a"), Duration.ofMinutes(10)));
        assertTrue(pool.lease(key).isPresent());
        timers.tasks.get(0).task().run(); // a timer that fired while the lease cancelled it
        assertTrue(expired.isEmpty());
    }

    @Test
    void parkedPastItsIdleTimeExpiresAtOnce() {
        WarmPool.Key key = key(spec().build());
        Instant now = v.clock.instant();
        pool.park(new WarmPool.Parked(key, fake("old"), now.minus(Duration.ofHours(1)), now.minusSeconds(5)));
        assertEquals(Duration.ZERO, timers.tasks.get(0).delay());
    }

    // ---- the check before hand-out, against the simulator ----

    private DeployResult deployAndPark(DeploySpec spec, Duration parkedFor) throws Exception {
        DeployResult r = await(v.engine.deploy(spec, v.ledger, v.log).result());
        Instant parkedAt = v.clock.instant();
        pool.park(new WarmPool.Parked(key(spec), r, parkedAt, parkedAt.plus(Duration.ofHours(1))));
        v.clock.advance(parkedFor);
        return r;
    }

    /** The build's ledger takes the endpoint over, as the Jenkins registry moves its record. */
    private WarmPool.Claimer claimInto(InMemoryLedger ledger) {
        return p -> {
            ledger.put(new LedgerEntry(
                    p.endpoint().name(),
                    p.serviceId(),
                    LedgerEntry.State.CREATED,
                    v.clock.instant(),
                    p.endpoint().flavorId(),
                    p.endpoint().instances(),
                    p.endpoint().pricePerHour(),
                    p.endpoint().paymentType(),
                    p.endpoint().createdAt()));
            return true;
        };
    }

    @Test
    void reuseHandsOutAnAvailableEndpointAndCreatesNothing() throws Exception {
        v.sim.setReadyDelay(Duration.ofMinutes(11));
        DeploySpec first = spec().build();
        DeployResult was = deployAndPark(first, Duration.ofMinutes(12));
        v.sim.clearRequests();
        InMemoryLedger next = new InMemoryLedger();
        RecordingLog log = new RecordingLog();
        DeploySpec second = spec().owner("team/app #8").readinessPath("/health").build();

        DeployResult r = await(v.engine.reuse(pool, key(second), second, claimInto(next), next, log))
                .orElseThrow();

        assertEquals(was.serviceId(), r.serviceId());
        assertEquals(was.name(), r.name());
        assertEquals(was.url(), r.url());
        assertTrue(v.sim.requests(Route.CREATE).isEmpty(), "nothing created");
        assertEquals(1, v.sim.requests(Route.GET).size(), "one GET checks it");
        assertEquals(1, v.sim.requests(Route.ENDPOINT).size(), "its readiness path answered");
        assertTrue(
                log.contains("Reusing warm endpoint " + was.name() + " (service " + was.serviceId()
                        + "), parked 12 min ago; saved about 11 min of start-up."),
                log.toString());
        assertEquals(
                LedgerEntry.State.CREATED, next.get(was.name()).orElseThrow().state());
        assertTrue(pool.parked().isEmpty());
    }

    @Test
    void endpointThatDiedIsDeletedAndNothingIsHandedOut() throws Exception {
        DeployResult dead = deployAndPark(spec().build(), Duration.ofMinutes(3));
        await(v.client.deleteService(dead.serviceId())); // it died on NetMind's side
        InMemoryLedger next = new InMemoryLedger();
        RecordingLog log = new RecordingLog();

        Optional<DeployResult> r =
                await(v.engine.reuse(pool, key(spec().build()), spec().build(), claimInto(next), next, log));

        assertTrue(r.isEmpty(), "the caller creates a fresh one");
        assertTrue(
                log.contains(
                        "Warm endpoint " + dead.name() + " (service " + dead.serviceId() + ") is not fit for reuse"),
                log.toString());
        awaitState(next, dead.name(), LedgerEntry.State.DELETED);
        assertFalse(log.contains("Reusing"), log.toString());
    }

    @Test
    void failedReadinessDeletesItAndTheNextParkedOneIsUsed() throws Exception {
        DeployResult older = deployAndPark(spec().build(), Duration.ofMinutes(1));
        DeployResult newer = deployAndPark(spec().build(), Duration.ofMinutes(1));
        // the most recently parked one is leased first; its readiness path never answers 2xx
        v.sim.faults().on(Route.ENDPOINT).calls(1, 1000).respond(503);
        InMemoryLedger next = new InMemoryLedger();
        RecordingLog log = new RecordingLog();
        DeploySpec asked = spec().readinessPath("/health").build();
        WarmPool.Claimer claimer = claimInto(next);
        List<String> claimed = new CopyOnWriteArrayList<>();

        Optional<DeployResult> r = await(v.engine.reuse(
                pool,
                key(asked),
                asked,
                p -> {
                    claimed.add(p.serviceId());
                    if (claimed.size() == 2) {
                        v.sim.faults().clear(); // the older one is healthy
                    }
                    return claimer.claim(p);
                },
                next,
                log));

        assertEquals(List.of(newer.serviceId(), older.serviceId()), claimed);
        assertEquals(older.serviceId(), r.orElseThrow().serviceId());
        assertTrue(
                log.contains(
                        "Warm endpoint " + newer.name() + " (service " + newer.serviceId() + ") is not fit for reuse"),
                log.toString());
        awaitState(next, newer.name(), LedgerEntry.State.DELETED);
        assertFalse(v.sim.liveServices().contains(newer.serviceId()));
        assertTrue(v.sim.liveServices().contains(older.serviceId()));
    }

    @Test
    void refusedEndpointGoesBackToThePoolUnchecked() throws Exception {
        DeployResult r = deployAndPark(spec().build(), Duration.ofMinutes(1));
        WarmPool.Parked before = pool.parked().get(0);
        v.sim.clearRequests();

        Optional<DeployResult> got = await(v.engine.reuse(
                pool, key(spec().build()), spec().build(), p -> false, new InMemoryLedger(), new RecordingLog()));

        assertTrue(got.isEmpty());
        assertEquals(List.of(before), pool.parked(), "back in the pool with its idle deadline");
        assertTrue(v.sim.requests(Route.GET).isEmpty(), "not checked: not this build's to take");
        assertTrue(v.sim.liveServices().contains(r.serviceId()));
    }

    /** Waits (not a timed assertion: the bound only keeps a broken test from hanging) for the background delete. */
    private static void awaitState(InMemoryLedger ledger, String name, LedgerEntry.State state)
            throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (ledger.get(name).map(LedgerEntry::state).orElse(null) == state) {
                return;
            }
            Thread.sleep(25);
        }
        assertEquals(state, ledger.get(name).map(LedgerEntry::state).orElse(null), ledger.toString());
    }
}
