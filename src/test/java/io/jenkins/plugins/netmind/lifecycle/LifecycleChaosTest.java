package io.jenkins.plugins.netmind.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.sim.FaultKind;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.SimFlavor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * At least 1,000 randomized lifecycles (deploy, maybe probe, maybe scale, teardown; random cancellation points)
 * against the simulator injecting every fault kind it has at random. Seeded: {@code -Dnetmind.chaos.seed=N} replays
 * the same lifecycles, cancellation points and fault sequence (which request meets which fault still depends on thread
 * timing); {@code -Dnetmind.chaos.lifecycles=N} changes the count. Time runs 500 times faster (one virtual
 * second is 2 ms), so minutes of waiting cost milliseconds while everything still races on real threads.
 *
 * <p>NetMind's list lags behind creates by a seeded 0 to 90 s, and the engine's list grace period is 3 minutes.
 *
 * <p>At the end: zero live endpoints (after the sweeps that the ledger's UNKNOWN entries ask for), zero duplicate
 * names, every lifecycle finished, every failure reported with a message, and no token in any line or message.
 */
class LifecycleChaosTest {

    private static final int LIFECYCLES = Integer.getInteger("netmind.chaos.lifecycles", 1000);
    private static final long SEED = Long.getLong("netmind.chaos.seed", 20241113L);
    private static final int CONCURRENCY = 64;
    private static final double FAULT_PROBABILITY = 0.06;
    private static final Duration LIST_GRACE = Duration.ofMinutes(3);

    private record Outcome(int index, String kind, String message) {}

    @Test
    void thousandRandomLifecyclesLeaveNothingBehind() throws Exception {
        long wallStart = System.nanoTime();
        try (FastTime time = new FastTime(500, 2);
                NetMindSimulator sim =
                        NetMindSimulator.builder().clock(time).seed(SEED).start()) {
            sim.setFlavors(roomyFlavors());
            sim.setEndpointReadyLag(Duration.ofSeconds(20));
            Duration listLag = Duration.ofSeconds(new SplittableRandom(SEED).nextInt(91));
            sim.setListLag(listLag);
            sim.faults().random(SEED, FAULT_PROBABILITY, FaultKind.all()).randomLatency(Duration.ofMillis(3));
            NetMindClient client = sim.clientBuilder()
                    .scheduler(time)
                    .clock(time)
                    .random(new Random(SEED + 1))
                    .requestTimeout(Duration.ofSeconds(10))
                    .build();
            EndpointEngine engine = EndpointEngine.builder(client)
                    .scheduler(time)
                    .clock(time)
                    .random(new Random(SEED + 2))
                    .listGrace(LIST_GRACE)
                    .build();
            InMemoryLedger ledger = new InMemoryLedger();
            ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
            LogSink log = lines::add;

            Semaphore slots = new Semaphore(CONCURRENCY);
            List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < LIFECYCLES; i++) {
                slots.acquire();
                CompletableFuture<Outcome> o = lifecycle(i, new Random(SEED * 31 + i), sim, engine, time, ledger, log);
                o.whenComplete((x, e) -> slots.release());
                outcomes.add(o);
            }
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            List<Outcome> results =
                    outcomes.stream().map(CompletableFuture::join).toList();

            List<String> leftBeforeSweep = List.copyOf(sim.liveServiceNames());
            List<String> unknown = ledger.entries().stream()
                    .filter(e -> e.state() == LedgerEntry.State.UNKNOWN)
                    .map(LedgerEntry::name)
                    .toList();
            List<List<TeardownReport.Outcome>> sweeps = sweepUntilSettled(engine, ledger, log, time);
            sim.faults().clear();

            Map<String, Long> byKind =
                    results.stream().collect(Collectors.groupingBy(Outcome::kind, TreeMap::new, Collectors.counting()));
            Map<FaultKind, Long> faults = new EnumMap<>(FaultKind.class);
            sim.faults().injected().forEach(f -> faults.merge(f.kind(), 1L, Long::sum));
            System.out.printf(
                    "chaos: %d lifecycles, seed %d, list lag %s, outcomes %s, faults %s, left before sweep %d (unknown"
                            + " in ledger %d), sweeps %s, wall %d ms%n",
                    results.size(),
                    SEED,
                    Texts.duration(listLag),
                    byKind,
                    faults,
                    leftBeforeSweep.size(),
                    unknown.size(),
                    sweeps,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wallStart));

            results.stream()
                    .filter(o -> o.message() != null)
                    .collect(Collectors.toMap(Outcome::kind, o -> o, (a, b) -> a, TreeMap::new))
                    .forEach((kind, o) -> System.out.println("  e.g. " + kind + ": " + o.message()));

            assertEquals(LIFECYCLES, results.size());
            assertTrue(
                    unknown.containsAll(leftBeforeSweep),
                    "only endpoints the ledger marks UNKNOWN may wait for the sweep: " + leftBeforeSweep);
            assertEquals(List.of(), List.copyOf(sim.liveServices()), "live endpoints after the run");
            Map<String, Long> perName = sim.allServices().stream()
                    .collect(Collectors.groupingBy(id -> sim.name(id).orElseThrow(), Collectors.counting()));
            assertEquals(
                    Map.of(),
                    perName.entrySet().stream()
                            .filter(e -> e.getValue() > 1)
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                    "duplicate names");
            for (Outcome o : results) {
                if (!o.kind().equals("ok")) {
                    assertTrue(
                            o.message() != null
                                    && !o.message().isBlank()
                                    && !o.message().contains("null"),
                            "failure without a useful message: " + o);
                }
            }
            assertTrue(ledger.live().isEmpty(), "ledger entries not confirmed deleted: " + ledger.live());
            assertTrue(results.stream().anyMatch(o -> o.kind().equals("ok")));
            assertTrue(results.stream().anyMatch(o -> o.kind().equals("CANCELLED")));
            for (FaultKind kind : FaultKind.all()) {
                assertTrue(faults.getOrDefault(kind, 0L) > 0, "fault kind never injected: " + kind);
            }
            for (String line : lines) {
                assertFalse(line.contains(sim.token()), line);
            }
            results.stream()
                    .filter(o -> o.message() != null)
                    .forEach(o -> assertFalse(o.message().contains(sim.token())));
        }
    }

    /**
     * Sweeps like the safety net: again after a virtual minute while the ledger holds entries (young UNKNOWN ones wait
     * for the list grace period), at most 20 times. Returns each sweep's outcomes.
     */
    private static List<List<TeardownReport.Outcome>> sweepUntilSettled(
            EndpointEngine engine, InMemoryLedger ledger, LogSink log, FastTime time) throws Exception {
        List<List<TeardownReport.Outcome>> sweeps = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            TeardownReport report = engine.teardownAll(ledger, log).get(60, TimeUnit.SECONDS);
            sweeps.add(report.items().stream().map(TeardownReport.Item::outcome).toList());
            if (ledger.live().isEmpty()) {
                break;
            }
            CompletableFuture<Void> minute = new CompletableFuture<>();
            time.schedule(Duration.ofMinutes(1), () -> minute.complete(null));
            minute.get(10, TimeUnit.SECONDS);
        }
        return sweeps;
    }

    /** One randomized lifecycle; never fails: what went wrong is in the outcome. */
    private static CompletableFuture<Outcome> lifecycle(
            int i, Random r, NetMindSimulator sim, EndpointEngine engine, FastTime time, Ledger ledger, LogSink log) {
        String name = "chaos-" + i;
        sim.setReadyDelay(name, Duration.ofSeconds(r.nextInt(r.nextInt(10) == 0 ? 900 : 240)));
        DeploySpec spec = DeploySpec.builder()
                .name(name)
                .owner("chaos #" + i)
                .gpu(r.nextBoolean() ? "NVIDIA_GeForce_RTX_4090" : "NVIDIA_A100_80GB")
                .image("python:3.10-slim")
                .instances(1 + r.nextInt(3))
                .paymentType(List.of("usd", "cny", "nmt").get(r.nextInt(3)))
                .readinessPath(r.nextInt(3) == 0 ? "/health" : null)
                .timeout(Duration.ofMinutes(10))
                .build();
        Deployment d = engine.deploy(spec, ledger, log);
        boolean cancel = r.nextInt(4) == 0;
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        if (cancel) {
            time.schedule(
                    Duration.ofSeconds(r.nextInt(300)),
                    () -> d.cancel().whenComplete((v, e) -> {
                        if (e != null) {
                            cancelled.completeExceptionally(e);
                        } else {
                            cancelled.complete(null);
                        }
                    }));
        } else {
            cancelled.complete(null);
        }
        boolean scale = r.nextInt(5) == 0;
        int newCount = 1 + r.nextInt(3);
        CompletableFuture<Outcome> outcome = d.result()
                .handle((result, failure) -> {
                    if (failure != null) {
                        EndpointException e = EndpointException.unwrap(failure);
                        return CompletableFuture.completedFuture(
                                e == null
                                        ? new Outcome(i, "UNEXPECTED", String.valueOf(failure))
                                        : new Outcome(i, e.reason().name(), e.getMessage()));
                    }
                    CompletableFuture<String> scaled = scale
                            ? engine.scale(ScaleSpec.of(result.serviceId(), newCount), ledger, log)
                                    .handle((s, e) -> e == null
                                            ? null
                                            : EndpointException.unwrap(e).getMessage())
                            : CompletableFuture.completedFuture(null);
                    return scaled.thenCompose(scaleFailure -> engine.teardown(List.of(result.serviceId()), ledger, log)
                            .thenApply(report -> report.allGone()
                                    ? new Outcome(i, scaleFailure == null ? "ok" : "SCALE_FAILED", scaleFailure)
                                    : new Outcome(
                                            i,
                                            "TEARDOWN_FAILED",
                                            report.failures().get(0).message())));
                })
                .thenCompose(x -> x);
        return outcome.thenCombine(
                cancelled.handle(
                        (v, e) -> e == null ? null : EndpointException.unwrap(e).getMessage()),
                (o, cancelFailure) -> cancelFailure == null ? o : new Outcome(i, "CANCEL_FAILED", cancelFailure));
    }

    private static List<SimFlavor> roomyFlavors() {
        return SimFlavor.defaults().stream()
                .map(f -> new SimFlavor(
                        f.flavorId(),
                        f.displayName(),
                        f.clusterFlavorId(),
                        f.region(),
                        f.cnyPriceUnit(),
                        f.usdPriceUnit(),
                        f.nmtPriceUnit(),
                        f.availableNum() == 0 ? 0 : 8,
                        f.nodeMaxGpu(),
                        f.vram()))
                .toList();
    }
}
