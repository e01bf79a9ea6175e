package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.SimFlavor;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * N concurrent deploy-wait-teardown lifecycles against the simulator; prints threads alive during the wait, heap
 * retained per waiting endpoint, status calls per endpoint, detection delay (from the simulator turning
 * {@code available} to the deploy's future completing) at p50 and p99, and wall time. Not a test: run it by hand
 * (see the README section "Benchmark").
 *
 * <p>Time runs {@code speed} times faster: engine, client and simulator share one clock and one scheduler that divide
 * every delay by the speed, so a 15-minute wait takes 90 s at the default speed 10. Virtual durations (waits, detection delays)
 * are printed in virtual time; real overheads (HTTP, scheduling) are multiplied by the speed in virtual time, so the
 * detection delays shown are pessimistic.
 *
 * <p>Arguments: {@code [N,N,...] [speed] [wait minutes]}; defaults {@code 10,100,1000 10 15}. At speed 60, 1,000
 * endpoints polling at once saturate two cores and the amplified overheads dominate the numbers.
 */
public final class WaitBenchmark {

    /** Heap differences smaller than this are GC noise on this benchmark (seen: about +-200 KB). */
    private static final long NOISE_BYTES = 256 * 1024;

    /**
     * {@code -Dnetmind.bench.clientPerEndpoint=true}: every deploy gets its own client with its own default
     * {@link HttpClient}, as when each build builds its own connection; shows what that costs in threads.
     */
    private static final boolean CLIENT_PER_ENDPOINT = Boolean.getBoolean("netmind.bench.clientPerEndpoint");

    private WaitBenchmark() {}

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        int[] ns = args.length > 0
                ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {10, 100, 1000};
        double speed = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        Duration wait = Duration.ofMinutes(args.length > 2 ? Long.parseLong(args[2]) : 15);
        System.out.printf(
                Locale.ROOT,
                "WaitBenchmark: time runs %.0fx faster for engine, client and simulator (one shared clock and scheduler):"
                        + " each endpoint becomes available after a %d-minute virtual wait (%.1f s real). %d cores, java %s.%n",
                speed,
                wait.toMinutes(),
                wait.toMillis() / speed / 1000,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        for (int n : ns) {
            run(n, speed, wait);
        }
    }

    /** What one run measured. */
    private record Measured(
            long waiting, int threadsDuring, long heapDuring, long[] calls, double[] delays, int tornDown, int left) {}

    private static void run(int n, double speed, Duration wait) throws Exception {
        ExecutorService httpThreads = Executors.newFixedThreadPool(2, daemon("bench-http"));
        try (FastTime time = new FastTime(speed, 2);
                NetMindSimulator sim = NetMindSimulator.builder().clock(time).start()) {
            sim.setFlavors(List.of(new SimFlavor(
                    "f1",
                    "NVIDIA_GeForce_RTX_4090",
                    "US_01_4090",
                    "cn",
                    new BigDecimal("2.2"),
                    new BigDecimal("0.3"),
                    new BigDecimal("0.147164"),
                    100_000,
                    2,
                    "24GB")));
            HttpClient http = HttpClient.newBuilder().executor(httpThreads).build();
            NetMindClient client = sim.clientBuilder()
                    .httpClient(http)
                    .scheduler(time)
                    .clock(time)
                    .build();
            EndpointEngine engine =
                    EndpointEngine.builder(client).scheduler(time).clock(time).build();

            lifecycles(engine, sim, time, "warmup-", 50, Duration.ofMinutes(1));
            sim.clearRequests();
            long heapBefore = usedHeapAfterGc();
            int threadsBefore = threads();
            long start = System.nanoTime();
            Measured m = lifecycles(engine, sim, time, "bench-", n, wait);
            double wall = (System.nanoTime() - start) / 1e9;
            sim.clearRequests();
            long heapAfter = usedHeapAfterGc();

            Arrays.sort(m.delays());
            long waiting = Math.max(1, m.waiting());
            long engineBytes = m.heapDuring() - heapAfter;
            String noise = Math.abs(engineBytes) < NOISE_BYTES
                    ? String.format(
                            Locale.ROOT,
                            " (total %.0f KB: below the ~%d KB noise of the measurement)",
                            engineBytes / 1024.0,
                            NOISE_BYTES / 1024)
                    : "";
            System.out.printf(
                    Locale.ROOT,
                    "N=%d: threads alive %d before, %d during the wait (%d endpoints waiting); heap retained per waiting"
                            + " endpoint %.1f KB by engine+client+ledger%s, %.1f KB with the simulator's records and"
                            + " connections; status calls per endpoint avg %.1f max %d for a %d-minute wait; detection"
                            + " delay p50 %.1f s p99 %.1f s (virtual; goal <= %.0f s); torn down %d/%d, left %d;"
                            + " wall %.1f s%n",
                    n,
                    threadsBefore,
                    m.threadsDuring(),
                    m.waiting(),
                    engineBytes / 1024.0 / waiting,
                    noise,
                    (m.heapDuring() - heapBefore) / 1024.0 / waiting,
                    Arrays.stream(m.calls()).average().orElse(0),
                    Arrays.stream(m.calls()).max().orElse(0),
                    wait.toMinutes(),
                    percentile(m.delays(), 50),
                    percentile(m.delays(), 99),
                    Math.max(2, wait.toSeconds() * 0.05),
                    m.tornDown(),
                    n,
                    m.left(),
                    wall);
        } finally {
            httpThreads.shutdownNow();
        }
    }

    /** Deploys n endpoints at once, measures in the middle of the wait, waits, tears them all down. */
    private static Measured lifecycles(
            EndpointEngine engine, NetMindSimulator sim, FastTime time, String prefix, int n, Duration wait)
            throws Exception {
        InMemoryLedger ledger = new InMemoryLedger();
        List<Deployment> deployments = new ArrayList<>(n);
        AtomicReferenceArray<Instant> completed = new AtomicReferenceArray<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            sim.setReadyDelay(prefix + i, wait);
            EndpointEngine used = CLIENT_PER_ENDPOINT
                    ? EndpointEngine.builder(sim.clientBuilder()
                                    .httpClient(HttpClient.newHttpClient())
                                    .scheduler(time)
                                    .clock(time)
                                    .build())
                            .scheduler(time)
                            .clock(time)
                            .build()
                    : engine;
            Deployment d = used.deploy(
                    DeploySpec.builder()
                            .name(prefix + i)
                            .owner("bench")
                            .gpu("NVIDIA_GeForce_RTX_4090")
                            .image("python:3.10-slim")
                            .build(),
                    ledger,
                    LogSink.NONE);
            d.result().whenComplete((r, e) -> completed.set(index, time.instant()));
            deployments.add(d);
        }

        sleep(time.real(wait.dividedBy(2)));
        sim.clearRequests();
        long waiting = deployments.stream()
                .filter(d -> d.serviceId().isPresent() && !d.result().isDone())
                .count();
        int threadsDuring = threads();
        long heapDuring = usedHeapAfterGc();

        CompletableFuture.allOf(deployments.stream().map(Deployment::result).toArray(CompletableFuture[]::new))
                .get(10 * time.real(wait).toMillis() + 60_000, TimeUnit.MILLISECONDS);
        long[] calls = new long[n];
        double[] delays = new double[n];
        for (int i = 0; i < n; i++) {
            String id = deployments.get(i).serviceId().orElseThrow();
            calls[i] = sim.statusGets(id);
            Instant availableAt = sim.availableAt(id).orElseThrow();
            delays[i] = Duration.between(availableAt, completed.get(i)).toMillis() / 1000.0;
        }
        TeardownReport report = engine.teardown(
                        deployments.stream()
                                .map(d -> d.serviceId().orElseThrow())
                                .toList(),
                        ledger,
                        LogSink.NONE)
                .get(5, TimeUnit.MINUTES);
        int left = (int) deployments.stream()
                .filter(d -> sim.liveServices().contains(d.serviceId().orElseThrow()))
                .count();
        return new Measured(
                waiting,
                threadsDuring,
                heapDuring,
                calls,
                delays,
                report.items().size() - report.failures().size(),
                left);
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** The smallest heap use seen over a few full collections (the noise floor is a few hundred KB). */
    private static long usedHeapAfterGc() throws InterruptedException {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(40);
            min = Math.min(
                    min,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return min;
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(Math.max(0, d.toMillis()));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
