package io.jenkins.plugins.netmind.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.client.Scheduler;
import io.jenkins.plugins.netmind.lifecycle.DeployResult;
import io.jenkins.plugins.netmind.lifecycle.Deployment;
import io.jenkins.plugins.netmind.lifecycle.EndpointEngine;
import io.jenkins.plugins.netmind.lifecycle.InMemoryLedger;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.lifecycle.LogSink;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.steps.EndpointSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The freestyle wrapper's wait, against the simulator on real threads: the settings go through the shared {@link
 * EndpointSettings}, the engine deploys into a ledger, and the build's thread blocks on the result. An interrupt (what
 * an abort does to the executor thread) deletes the endpoint before it is rethrown.
 */
class FreestyleDeployTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final NetMindSimulator sim = NetMindSimulator.start();
    private final Scheduler scheduler = Scheduler.of(timer);
    private final EndpointEngine engine = EndpointEngine.builder(
                    sim.clientBuilder().scheduler(scheduler).build())
            .scheduler(scheduler)
            .build();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LogSink log = lines::add;

    @AfterEach
    void stop() {
        sim.close();
        timer.shutdownNow();
    }

    /** The settings a freestyle job would hold: the seed's small Flask example on a 4090 in region 'other'. */
    private static EndpointSettings settings() {
        EndpointSettings settings = new EndpointSettings("python:3.10-slim");
        settings.setGpu("NVIDIA_GeForce_RTX_4090");
        settings.setRegion("other");
        settings.setGpuCount(0);
        return settings;
    }

    private Deployment deploy() {
        return engine.deploy(settings().toDeploySpec("folder/job #7", 0, null), ledger, log);
    }

    private boolean logged(String fragment) {
        return lines.stream().anyMatch(line -> line.contains(fragment));
    }

    private static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void theBuildThreadGetsTheAvailableEndpoint() throws Exception {
        DeployResult result = FreestyleDeploy.await(deploy(), log);

        assertEquals(sim.endpointUrl(result.serviceId()), result.url());
        assertEquals(Set.of(result.serviceId()), sim.liveServices());
        assertEquals(result.serviceId(), ledger.get(result.name()).orElseThrow().serviceId(), "recorded in the ledger");
        assertTrue(result.name().startsWith("folder-job-7"), result.name());
    }

    @Test
    void anInterruptWhileWaitingDeletesTheEndpointAndIsRethrown() throws Exception {
        sim.setReadyDelay(Duration.ofHours(1));
        Deployment deployment = deploy();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread build = new Thread(() -> {
            try {
                FreestyleDeploy.await(deployment, log);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        build.start();
        until("the endpoint to be created", () -> !sim.liveServices().isEmpty());

        build.interrupt();
        build.join(Duration.ofSeconds(30));

        assertInstanceOf(InterruptedException.class, thrown.get(), "the abort reaches the build");
        assertTrue(
                logged("Build aborted while waiting: deleting NetMind endpoint " + deployment.name()), lines::toString);
        assertEquals(1, sim.allServices().size());
        assertEquals(Set.of(), sim.liveServices(), "the abort deleted the endpoint");
        LedgerEntry entry = ledger.get(deployment.name()).orElseThrow();
        assertEquals(LedgerEntry.State.DELETED, entry.state(), "the ledger knows it is gone");
    }
}
