package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.RetryPolicy;
import io.jenkins.plugins.netmind.sim.ImmediateScheduler;
import io.jenkins.plugins.netmind.sim.ManualClock;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The simulator on a virtual clock: every scheduled wait runs at once and moves the clock by its delay, so a
 * 15-minute wait takes milliseconds and the number of calls it costs is exact. Engine, client and simulator share the
 * clock.
 */
final class VirtualSim implements AutoCloseable {

    final ManualClock clock = new ManualClock();
    final ImmediateScheduler scheduler = new ImmediateScheduler(clock);
    final NetMindSimulator sim;
    final NetMindClient client;
    final EndpointEngine engine;
    final InMemoryLedger ledger = new InMemoryLedger();
    final RecordingLog log = new RecordingLog();

    VirtualSim() {
        sim = NetMindSimulator.builder().clock(clock).start();
        client = sim.clientBuilder()
                .scheduler(scheduler)
                .clock(clock)
                .random(new Random(7))
                .retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(1)))
                .build();
        engine = EndpointEngine.builder(client)
                .scheduler(scheduler)
                .clock(clock)
                .random(new Random(42))
                .build();
    }

    static DeploySpec.Builder spec() {
        return DeploySpec.builder()
                .owner("team/app #7")
                .gpu("NVIDIA_GeForce_RTX_4090")
                .image("python:3.10-slim")
                .command("python app.py")
                .port(8080);
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    /** The failure of a future that must fail. */
    static EndpointException failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            EndpointException found = EndpointException.unwrap(e);
            if (found == null) {
                throw new AssertionError("not an EndpointException", e);
            }
            return found;
        }
        throw new AssertionError("expected a failure, got success");
    }

    @Override
    public void close() {
        sim.close();
    }
}
