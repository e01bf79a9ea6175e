package io.jenkins.plugins.netmind.bench;

import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.Scheduler;
import io.jenkins.plugins.netmind.lifecycle.CapacityGuard;
import io.jenkins.plugins.netmind.lifecycle.DeployResult;
import io.jenkins.plugins.netmind.lifecycle.DeploySpec;
import io.jenkins.plugins.netmind.lifecycle.Deployment;
import io.jenkins.plugins.netmind.lifecycle.EndpointEngine;
import io.jenkins.plugins.netmind.lifecycle.InMemoryLedger;
import io.jenkins.plugins.netmind.lifecycle.Ledger;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.lifecycle.PollPolicy;
import io.jenkins.plugins.netmind.lifecycle.TeardownReport;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.SimPeak;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many deploys against a cap on live endpoints, through the engine and the capacity guard, against the simulator on
 * loopback in real time: every deploy is submitted at once, the first {@code cap} start, the others wait in the
 * guard's queue (no thread each), and each endpoint, once available, is held for a while and then torn down, which
 * lets the next one in. Not a test: run it by hand (README, "Limits: benchmark"); it prints its numbers and asserts
 * nothing.
 *
 * <p>Printed: the queue's throughput (deploys started per second while some waited), the time from a release (the
 * ledger entry put DELETED, which releases the reservation) to the next queued deploy's create being sent, at p50,
 * p99 and max, and the most endpoints the simulator ever held live at once (its own record), against the cap.
 *
 * <p>Arguments: {@code [deploys] [cap] [hold milliseconds]}; defaults {@code 200 10 200}. The simulator makes
 * endpoints available at once; the engine polls 20 times faster than by default (first status call after 50 ms).
 */
public final class CapacityQueueBenchmark {

    private CapacityQueueBenchmark() {}

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        int deploys = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int cap = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long holdMillis = args.length > 2 ? Long.parseLong(args[2]) : 200;
        System.out.printf(
                Locale.ROOT,
                "CapacityQueueBenchmark: %d deploys submitted at once against a cap of %d live endpoints; each held %d"
                        + " ms once available, then torn down. %d cores, java %s.%n",
                deploys,
                cap,
                holdMillis,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-timer");
            t.setDaemon(true);
            return t;
        });
        try (NetMindSimulator sim = NetMindSimulator.start()) {
            Scheduler scheduler = Scheduler.of(timer);
            NetMindClient client = sim.clientBuilder().scheduler(scheduler).build();
            CapacityGuard guard = new CapacityGuard(new CapacityGuard.Limits(cap, null, null, null));
            EndpointEngine engine = EndpointEngine.builder(client)
                    .scheduler(scheduler)
                    .pollPolicy(PollPolicy.DEFAULT.scaled(0.05))
                    .teardownTimeout(Duration.ofMinutes(2))
                    .guard(guard)
                    .build();
            TimedLedger ledger = new TimedLedger();
            ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> queuedStarts = new ConcurrentLinkedQueue<>();
            AtomicInteger queued = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            List<CompletableFuture<Void>> done = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < deploys; i++) {
                boolean[] waited = {false};
                DeploySpec spec = DeploySpec.builder()
                        .owner("bench #" + i)
                        .gpu("NVIDIA_GeForce_RTX_4090")
                        .region("other")
                        .image("python:3.10-slim")
                        .timeout(Duration.ofMinutes(30))
                        .build();
                Deployment d = engine.deploy(spec, ledger, line -> {
                    long now = System.nanoTime();
                    if (line.contains(": waiting for capacity: ") && !waited[0]) {
                        waited[0] = true;
                        queued.incrementAndGet();
                    }
                    if (line.startsWith("Creating NetMind endpoint ")) {
                        starts.add(now);
                        if (waited[0]) {
                            queuedStarts.add(now);
                        }
                    }
                });
                CompletableFuture<Void> one = new CompletableFuture<>();
                d.result().whenComplete((DeployResult r, Throwable failure) -> {
                    if (failure != null) {
                        failed.incrementAndGet();
                        one.complete(null);
                        return;
                    }
                    scheduler.schedule(
                            Duration.ofMillis(holdMillis),
                            () -> engine.teardown(List.of(r.serviceId()), ledger, line -> {})
                                    .whenComplete((TeardownReport report, Throwable e) -> {
                                        if (e != null || !report.allGone()) {
                                            failed.incrementAndGet();
                                        }
                                        one.complete(null);
                                    }));
                });
                done.add(one);
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
            double wall = (System.nanoTime() - t0) / 1e9;

            List<Long> releases = new ArrayList<>(ledger.deletedAt);
            releases.sort(null);
            List<Double> latencies = new ArrayList<>();
            for (long start : queuedStarts) {
                long before = -1;
                for (long r : releases) {
                    if (r <= start) {
                        before = r;
                    }
                }
                if (before >= 0) {
                    latencies.add((start - before) / 1e6);
                }
            }
            latencies.sort(null);
            List<Long> queuedSorted = new ArrayList<>(queuedStarts);
            queuedSorted.sort(null);
            double queueSpan = queuedSorted.size() < 2
                    ? 0
                    : (queuedSorted.get(queuedSorted.size() - 1) - queuedSorted.get(0)) / 1e9;
            SimPeak peak = sim.peak();
            System.out.printf(
                    Locale.ROOT,
                    "deploys started: %d (failed: %d), of which waited in the queue: %d%n",
                    starts.size(),
                    failed.get(),
                    queued.get());
            System.out.printf(
                    Locale.ROOT,
                    "wall time: %.1f s; overall %.1f deploys started per second%n",
                    wall,
                    starts.size() / wall);
            System.out.printf(
                    Locale.ROOT,
                    "queue throughput: %.1f queued deploys started per second (%d over %.1f s)%n",
                    queueSpan == 0 ? 0 : (queuedSorted.size() - 1) / queueSpan,
                    queuedSorted.size(),
                    queueSpan);
            System.out.printf(
                    Locale.ROOT,
                    "release to next start (DELETED recorded -> next queued create sent): p50 %.2f ms, p99 %.2f ms,"
                            + " max %.2f ms (%d samples)%n",
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.99),
                    latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1),
                    latencies.size());
            System.out.printf(
                    Locale.ROOT,
                    "simulator's max live at once: %d endpoints (cap %d), %d instances; live at the end: %d;"
                            + " guard at the end: %s%n",
                    peak.endpoints(),
                    cap,
                    peak.instances(),
                    sim.liveServices().size(),
                    guard.usage().describe());
        } finally {
            timer.shutdownNow();
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** An in-memory ledger that notes when each entry is put DELETED (the moment its reservation is released). */
    private static final class TimedLedger implements Ledger {
        private final InMemoryLedger ledger = new InMemoryLedger();
        final ConcurrentLinkedQueue<Long> deletedAt = new ConcurrentLinkedQueue<>();

        @Override
        public void put(LedgerEntry entry) {
            ledger.put(entry);
            if (entry.state() == LedgerEntry.State.DELETED) {
                deletedAt.add(System.nanoTime());
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

        @Override
        public Object intentLock() {
            return ledger;
        }
    }
}
