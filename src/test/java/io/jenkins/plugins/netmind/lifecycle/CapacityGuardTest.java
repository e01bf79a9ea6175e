package io.jenkins.plugins.netmind.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The guard's arithmetic, its refusals, its FIFO queue and its one lock, without NetMind. */
class CapacityGuardTest {

    private static final String SETTINGS = "Manage Jenkins \u2192 System \u2192 NetMind Endpoints";

    private static CapacityGuard.Limits limits(Integer endpoints, Integer instances, Integer gpus, String usd) {
        return new CapacityGuard.Limits(endpoints, instances, gpus, usd == null ? null : new BigDecimal(usd));
    }

    private static CapacityGuard.Demand demand(int instances, int gpus, String usd) {
        return new CapacityGuard.Demand(instances, gpus, usd == null ? null : new BigDecimal(usd));
    }

    private static CapacityGuard.Demand one() {
        return demand(1, 1, "0.30");
    }

    @Test
    void aRequestOverALimitAloneIsRefusedNamingTheLimitTheValueAndTheSetting() {
        CapacityGuard guard = new CapacityGuard(limits(5, 8, 12, "10"));
        EndpointException instances = assertThrows(
                EndpointException.class, () -> guard.reserve("a/n", "a", demand(10, 1, "0.3"), false, null));
        assertEquals(EndpointException.Reason.OVER_LIMIT, instances.reason());
        assertEquals(
                "Endpoint a asks for 10 instance(s), but this controller allows at most 8 per endpoint. Ask for fewer"
                        + " instances, or raise the limit: " + SETTINGS + " \u2192 Maximum instances per endpoint.",
                instances.getMessage());
        EndpointException gpus = assertThrows(
                EndpointException.class, () -> guard.reserve("b/n", "b", demand(4, 4, "0.3"), false, null));
        assertTrue(gpus.getMessage().contains("asks for 16 GPU(s) (4 instance(s) \u00d7 4 GPU(s))"), gpus.getMessage());
        assertTrue(gpus.getMessage().endsWith(SETTINGS + " \u2192 Maximum GPUs in total."), gpus.getMessage());
        EndpointException usd = assertThrows(
                EndpointException.class, () -> guard.reserve("c/n", "c", demand(5, 1, "2.49"), false, null));
        assertTrue(
                usd.getMessage().contains("would cost 12.45 USD per hour (5 instance(s) \u00d7 2.49 USD)"),
                usd.getMessage());
        assertTrue(usd.getMessage().contains("at most 10.00 USD per hour"), usd.getMessage());
        // 4 x 2.49 = 9.96 fits 10 alone
        assertTrue(guard.reserve("d/n", "d", demand(4, 1, "2.49"), false, null)
                .granted()
                .isDone());
        guard.release("d/n");
        EndpointException unpriced =
                assertThrows(EndpointException.class, () -> guard.reserve("e/n", "e", demand(1, 1, null), false, null));
        assertTrue(unpriced.getMessage().contains("no USD price"), unpriced.getMessage());
        assertEquals(0, guard.usage().liveEndpoints(), "nothing reserved by refusals");
    }

    @Test
    void usageAddsInstancesGpusAndDollarsAndSaysWhatIsLeft() {
        CapacityGuard guard = new CapacityGuard(limits(3, null, 8, "5"));
        assertTrue(guard.reserve("a/1", "a", demand(2, 1, "0.30"), false, null)
                .granted()
                .isDone());
        assertTrue(guard.reserve("b/1", "b", demand(1, 4, "1.30"), false, null)
                .granted()
                .isDone());
        CapacityGuard.Usage u = guard.usage();
        assertEquals(2, u.liveEndpoints());
        assertEquals(3, u.instances());
        assertEquals(6, u.gpus());
        assertEquals(0, new BigDecimal("1.90").compareTo(u.usdPerHour()));
        assertEquals(1, u.endpointsLeft());
        assertEquals(2L, u.gpusLeft());
        assertEquals(0, new BigDecimal("3.10").compareTo(u.usdPerHourLeft()));
        assertEquals("2 of 3 endpoints live, 6 of 8 GPUs, 1.90 USD of 5.00 USD per hour", u.describe());
        assertEquals(
                "0 endpoint(s) live (no limit), 0 GPU(s) (no limit), 0.00 USD per hour (no limit)",
                new CapacityGuard(CapacityGuard.Limits.NONE).usage().describe());
        assertNull(new CapacityGuard(CapacityGuard.Limits.NONE).usage().endpointsLeft());
    }

    @Test
    void limitsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> limits(0, null, null, null));
        assertEquals(
                "The limit \"Maximum live endpoints\" must be positive, not 0; leave it empty for no limit.",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> limits(null, null, null, "0"));
    }

    @Test
    void theQueueIsServedInOrderAndSaysWhereEachRequestIs() throws Exception {
        CapacityGuard guard = new CapacityGuard(limits(1, null, null, null));
        RecordingLog logB = new RecordingLog();
        RecordingLog logC = new RecordingLog();
        guard.reserve("a/1", "a", one(), false, null);
        CapacityGuard.Ticket b = guard.reserve("b/1", "b", one(), false, logB);
        CapacityGuard.Ticket c = guard.reserve("c/1", "c", one(), false, logC);
        assertEquals(1, b.position());
        assertEquals(2, c.position());
        assertEquals(2, guard.usage().queued());
        assertTrue(
                logB.contains("Endpoint b: waiting for capacity: 1 of 1 endpoints live (limit: " + SETTINGS
                        + "); place 1 of 1 in the queue"),
                logB.toString());
        assertTrue(logC.contains("place 2 of 2 in the queue"), logC.toString());
        assertFalse(b.granted().isDone());
        guard.release("a/1");
        assertTrue(b.granted().isDone());
        assertFalse(c.granted().isDone());
        assertEquals(0, b.position());
        assertEquals(1, c.position());
        assertTrue(logC.contains("place 1 of 1 in the queue"), logC.toString());
        guard.release("b/1");
        assertEquals(1, c.granted().get(1, TimeUnit.SECONDS).liveEndpoints());
        assertEquals(0, guard.usage().queued());
    }

    @Test
    void aSmallRequestDoesNotPassABigOneAtTheHead() {
        CapacityGuard guard = new CapacityGuard(limits(null, null, 8, null));
        guard.reserve("a/1", "a", demand(6, 1, null), false, null);
        CapacityGuard.Ticket big = guard.reserve("big/1", "big", demand(4, 1, null), false, null);
        CapacityGuard.Ticket small = guard.reserve("small/1", "small", demand(1, 1, null), false, null);
        assertFalse(small.granted().isDone(), "2 GPUs are free, but the head came first");
        assertEquals(2, small.position());
        assertFalse(guard.check(demand(1, 1, null), "x"), "the dry run says a new one would wait too");
        guard.release("a/1");
        assertTrue(big.granted().isDone());
        assertTrue(small.granted().isDone());
        assertEquals(5, guard.usage().gpus());
    }

    @Test
    void requestsQueuedAgainAfterARestartKeepTheirOldOrder() {
        CapacityGuard guard = new CapacityGuard(limits(1, null, null, null));
        guard.restore("held/1", one());
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        RecordingLog newLog = new RecordingLog();
        // after a restart: a new request, then the requests that waited before it, resuming in another order
        CapacityGuard.Ticket fresh = guard.reserve("new/1", "new", one(), false, newLog, null);
        CapacityGuard.Ticket second = guard.reserve("b/1", "b", one(), false, null, t.plusSeconds(20));
        CapacityGuard.Ticket first = guard.reserve("a/1", "a", one(), false, null, t.plusSeconds(10));
        assertEquals(1, first.position());
        assertEquals(2, second.position());
        assertEquals(3, fresh.position());
        assertTrue(newLog.contains("Endpoint new: waiting for capacity: 1 of 1 endpoints live"), newLog.toString());
        assertTrue(newLog.contains("place 3 of 3 in the queue"), newLog.toString());
        guard.release("held/1");
        assertTrue(first.granted().isDone());
        assertFalse(second.granted().isDone());
    }

    @Test
    void aCancelledRequestLeavesTheQueueAndThoseBehindMoveUp() throws Exception {
        CapacityGuard guard = new CapacityGuard(limits(1, null, null, null));
        guard.reserve("a/1", "a", one(), false, null);
        CapacityGuard.Ticket b = guard.reserve("b/1", "b", one(), false, null);
        CapacityGuard.Ticket c = guard.reserve("c/1", "c", one(), false, null);
        EndpointException why = new EndpointException(EndpointException.Reason.CANCELLED, "stopped");
        assertTrue(b.cancel(why));
        assertFalse(b.cancel(why), "a second cancel finds it gone");
        ExecutionException e =
                assertThrows(ExecutionException.class, () -> b.granted().get(1, TimeUnit.SECONDS));
        assertEquals(why, e.getCause());
        assertEquals(1, c.position());
        assertEquals(1, guard.usage().queued());
        guard.release("a/1");
        assertTrue(c.granted().isDone());
        assertFalse(c.cancel(why), "a granted ticket cannot be cancelled: its holder releases it");
        assertEquals(1, guard.usage().liveEndpoints());
        assertEquals(0, guard.usage().queued());
    }

    @Test
    void failIfFullRefusesInsteadOfWaiting() {
        CapacityGuard guard = new CapacityGuard(limits(1, null, null, null));
        guard.reserve("a/1", "a", one(), false, null);
        EndpointException e = assertThrows(EndpointException.class, () -> guard.reserve("b/1", "b", one(), true, null));
        assertEquals(EndpointException.Reason.OVER_LIMIT, e.reason());
        assertEquals(
                "No capacity for endpoint b now: 1 of 1 endpoints live (limit: " + SETTINGS + "). failWhenOverCapacity"
                        + " is set, so the deploy fails instead of waiting; nothing was created.",
                e.getMessage());
        assertEquals(0, guard.usage().queued());
    }

    @Test
    void newLimitsAdmitWhatFitsAndRefuseWhatNeverWill() throws Exception {
        CapacityGuard guard = new CapacityGuard(limits(1, null, null, null));
        guard.reserve("a/1", "a", demand(4, 1, null), false, null);
        CapacityGuard.Ticket b = guard.reserve("b/1", "b", demand(4, 1, null), false, null);
        CapacityGuard.Ticket c = guard.reserve("c/1", "c", demand(1, 1, null), false, null);
        guard.setLimits(limits(3, 2, null, null));
        ExecutionException e =
                assertThrows(ExecutionException.class, () -> b.granted().get(1, TimeUnit.SECONDS));
        assertTrue(
                e.getCause().getMessage().contains("at most 2 per endpoint"),
                e.getCause().getMessage());
        assertTrue(c.granted().isDone());
        assertEquals(2, guard.usage().liveEndpoints(), "the held reservation stays although over the new limit");
    }

    @Test
    void aScaleIsCheckedAndResizesTheReservation() {
        CapacityGuard guard = new CapacityGuard(limits(2, 4, 5, null));
        guard.reserve("a/1", "a", demand(2, 1, null), false, null);
        guard.reserve("b/1", "b", demand(2, 1, null), false, null);
        EndpointException over = assertThrows(EndpointException.class, () -> guard.resize("a/1", "a", 5));
        assertTrue(over.getMessage().contains("at most 4 per endpoint"), over.getMessage());
        EndpointException full = assertThrows(EndpointException.class, () -> guard.resize("a/1", "a", 4));
        assertTrue(
                full.getMessage()
                        .startsWith("Endpoint a cannot be scaled up to 4 instance(s) now: 2 of 5 GPUs live, 4 asked"),
                full.getMessage());
        assertEquals(4, guard.usage().gpus(), "a refused scale changes nothing");
        assertEquals(2, guard.resize("a/1", "a", 3).orElseThrow());
        assertEquals(5, guard.usage().gpus());
        CapacityGuard.Ticket c = guard.reserve("c/1", "c", demand(1, 1, null), false, null);
        assertFalse(c.granted().isDone());
        guard.release("b/1");
        assertTrue(c.granted().isDone());
        assertEquals(3, guard.resize("a/1", "a", 1).orElseThrow(), "a scale down always passes");
        assertEquals(2, guard.usage().gpus());
        assertTrue(
                guard.resize("unknown", "x", 3).isEmpty(), "an endpoint without reservation: per-endpoint limit only");
    }

    @Test
    void aDeletedLedgerEntryReleasesItsReservationAndUnknownKeepsIt() {
        CapacityGuard guard = new CapacityGuard(limits(2, null, null, null));
        Ledger ledger = guard.observe(new InMemoryLedger());
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        LedgerEntry a = new LedgerEntry("a", null, LedgerEntry.State.INTENT, now, "f", 1, null, "usd", null, "n1");
        LedgerEntry b = new LedgerEntry("b", null, LedgerEntry.State.INTENT, now, "f", 1, null, "usd", null, "n2");
        guard.reserve(CapacityGuard.key(a), "a", one(), false, null);
        guard.reserve(CapacityGuard.key(b), "b", one(), false, null);
        ledger.putIntent(a);
        ledger.putIntent(b);
        ledger.put(a.withState(LedgerEntry.State.UNKNOWN, now));
        ledger.put(b.withState(LedgerEntry.State.DELETING, now));
        assertEquals(2, guard.usage().liveEndpoints());
        ledger.put(b.withState(LedgerEntry.State.DELETED, now));
        assertEquals(1, guard.usage().liveEndpoints());
        assertTrue(guard.reservation(CapacityGuard.key(a)).isPresent());
        // an entry of the same name with another nonce (another deploy) releases nothing of this one
        ledger.put(new LedgerEntry("a", null, LedgerEntry.State.DELETED, now, "f", 1, null, "usd", null, "other"));
        assertEquals(1, guard.usage().liveEndpoints());
    }

    @Test
    void ofManyThreadsRacingForTheLastSlotsExactlyTheLimitWin() throws Exception {
        int cap = 3;
        int threads = 24;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 50; round++) {
                CapacityGuard guard = new CapacityGuard(limits(cap, null, null, null));
                CyclicBarrier start = new CyclicBarrier(threads);
                AtomicInteger won = new AtomicInteger();
                AtomicInteger refused = new AtomicInteger();
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String key = round + "/" + t;
                    done.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            guard.reserve(key, key, one(), true, null);
                            won.incrementAndGet();
                        } catch (EndpointException e) {
                            refused.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
                assertEquals(cap, won.get(), "round " + round);
                assertEquals(threads - cap, refused.get(), "round " + round);
                assertEquals(cap, guard.usage().liveEndpoints());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void racingRequestsNeverHoldMoreThanTheLimit() throws Exception {
        int cap = 3;
        int threads = 16;
        int rounds = 300;
        CapacityGuard guard = new CapacityGuard(limits(cap, null, null, null));
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < rounds; i++) {
                        String key = thread + "/" + i;
                        guard.reserve(key, key, one(), false, null).granted().get(30, TimeUnit.SECONDS);
                        most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        holding.decrementAndGet();
                        guard.release(key);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(most.get() <= cap, "held at once: " + most.get());
        assertEquals(0, guard.usage().liveEndpoints());
        assertEquals(0, guard.usage().queued());
    }
}
