package io.jenkins.plugins.netmind.client;

import io.jenkins.plugins.netmind.sim.FaultKind;
import io.jenkins.plugins.netmind.sim.ImmediateScheduler;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Prints how fast one client drives the simulator: {@code N} endpoints created, polled and deleted concurrently, and
 * the same sequentially under random faults. Run: {@code java -cp <test classpath>
 * io.jenkins.plugins.netmind.client.ClientThroughputBenchmark [N]}. A benchmark, not a test: it asserts nothing.
 */
public final class ClientThroughputBenchmark {

    private ClientThroughputBenchmark() {}

    /** Argument: the number of endpoints (default 1000). */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (NetMindSimulator sim = NetMindSimulator.start()) {
            NetMindClient client = sim.clientBuilder().build();
            concurrent(sim, client, n / 10);
            concurrent(sim, client, n);
            chaos(sim, n / 4);
        }
    }

    private static void concurrent(NetMindSimulator sim, NetMindClient client, int n) {
        int threadsBefore = Thread.activeCount();
        long start = System.nanoTime();
        List<CompletableFuture<DeleteOutcome>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(client.createService(ClientCallsTest.request("bench-" + i, 1))
                    .thenCompose(s -> client.getService(s.serviceId()))
                    .thenCompose(s -> client.getService(s.serviceId()))
                    .thenCompose(s -> client.deleteService(s.serviceId())));
        }
        int threadsDuring = Thread.activeCount();
        all.forEach(CompletableFuture::join);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "concurrent: %d lifecycles (%d requests) in %.2f s = %.0f requests/s; threads %d -> %d; live left %d%n",
                n,
                4 * n,
                seconds,
                4 * n / seconds,
                threadsBefore,
                threadsDuring,
                sim.liveServices().size());
    }

    private static void chaos(NetMindSimulator sim, int n) {
        sim.faults().random(1, 0.2, FaultKind.all()).randomLatency(Duration.ofMillis(1));
        NetMindClient client = sim.clientBuilder()
                .scheduler(new ImmediateScheduler())
                .requestTimeout(Duration.ofSeconds(5))
                .build();
        int requestsBefore = sim.requests().size();
        long start = System.nanoTime();
        int failed = 0;
        for (int i = 0; i < n; i++) {
            try {
                client.createService(ClientCallsTest.request("chaos-" + i, 1))
                        .thenCompose(s -> client.getService(s.serviceId()))
                        .thenCompose(s -> client.deleteService(s.serviceId()))
                        .join();
            } catch (RuntimeException e) {
                failed++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int requests = sim.requests().size() - requestsBefore;
        System.out.printf(
                "chaos (20%% faults, sequential): %d lifecycles, %d failed, %d requests in %.2f s = %.1f ms per"
                        + " lifecycle%n",
                n, failed, requests, seconds, seconds * 1000 / n);
        sim.faults().clear();
    }
}
