package io.jenkins.plugins.netmind.lifecycle;

import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.await;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.failure;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.client.CreateServiceRequest;
import io.jenkins.plugins.netmind.client.Scheduler;
import io.jenkins.plugins.netmind.sim.Route;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A deploy interrupted by a restart is resumed from its small saved state. */
class ResumeTest {

    private final VirtualSim v = new VirtualSim();

    @AfterEach
    void close() {
        v.close();
    }

    /** A scheduler of a controller that went down: nothing scheduled ever runs. */
    private static final Scheduler DEAD = (delay, task) -> () -> true;

    private ResumeState interruptedDeploy() throws Exception {
        EndpointEngine before =
                EndpointEngine.builder(v.client).scheduler(DEAD).clock(v.clock).build();
        Deployment d = before.deploy(spec().build(), v.ledger, v.log);
        long end = System.nanoTime() + 10_000_000_000L;
        while (d.serviceId().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(2);
        }
        return roundTrip(d.resumeState());
    }

    private static ResumeState roundTrip(ResumeState state) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        assertFalse(bytes.toString(StandardCharsets.ISO_8859_1).contains("sim-token"));
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ResumeState) in.readObject();
        }
    }

    @Test
    void resumedWaitFinishesTheSameEndpoint() throws Exception {
        v.sim.setReadyDelay(Duration.ofMinutes(10));
        ResumeState state = interruptedDeploy();
        assertNotNull(state.serviceId());
        assertEquals("NVIDIA_GeForce_RTX_4090", state.flavorName());
        assertEquals(0, new BigDecimal("0.3").compareTo(state.pricePerHour()));

        DeployResult r = await(v.engine.resume(state, v.ledger, v.log).result());

        assertEquals(state.serviceId(), r.serviceId());
        assertEquals(state.name(), r.name());
        assertEquals(v.sim.endpointUrl(r.serviceId()), r.url());
        assertEquals(1, v.sim.requests(Route.CREATE).size());
        assertTrue(
                v.log.contains(
                        "Resuming the wait for endpoint " + state.name() + " (service id " + state.serviceId() + ")"),
                v.log.toString());
    }

    @Test
    void restartBeforeCreateAnsweredFindsTheEndpointByName() throws Exception {
        String name = "resumed-by-name";
        await(v.client.createService(new CreateServiceRequest(
                name,
                "x",
                "usd",
                CreateServiceRequest.Resources.manual("69475e82e81c4dd6be3467e2ca374e0c", 1),
                new CreateServiceRequest.Deployment("python:3.10-slim", null, 8080, 0))));
        ResumeState state = new ResumeState(
                name,
                null,
                v.clock.instant().plus(Duration.ofMinutes(30)),
                null,
                false,
                "69475e82e81c4dd6be3467e2ca374e0c",
                "NVIDIA_GeForce_RTX_4090",
                new BigDecimal("0.3"),
                "usd",
                1,
                null);

        DeployResult r = await(v.engine.resume(state, v.ledger, v.log).result());

        assertEquals(name, r.name());
        assertEquals(LedgerEntry.State.CREATED, v.ledger.get(name).orElseThrow().state());
        assertTrue(v.log.contains("Found endpoint " + name + " by name"), v.log.toString());
    }

    @Test
    void restartBeforeCreateWasSentEndsCleanly() throws Exception {
        ResumeState state = new ResumeState(
                "never-sent",
                null,
                v.clock.instant().plus(Duration.ofMinutes(30)),
                null,
                false,
                null,
                null,
                null,
                "usd",
                1,
                null);

        EndpointException e = failure(v.engine.resume(state, v.ledger, v.log).result());

        assertEquals("Endpoint never-sent was not created before the restart; nothing to resume.", e.getMessage());
        assertTrue(v.sim.allServices().isEmpty());
    }

    @Test
    void resumeAfterTheDeadlineDeletesTheEndpoint() throws Exception {
        v.sim.setReadyDelay(Duration.ofHours(2));
        ResumeState state = interruptedDeploy();
        v.clock.advance(Duration.ofMinutes(31));

        EndpointException e = failure(v.engine.resume(state, v.ledger, v.log).result());

        assertEquals(EndpointException.Reason.TIMEOUT, e.reason());
        assertTrue(v.sim.liveServices().isEmpty());
        assertEquals(
                LedgerEntry.State.DELETED,
                v.ledger.get(state.name()).orElseThrow().state());
    }

    @Test
    void stateSavedBeforeCreateAnsweredResumesTheIdTheLedgerLearnedSince() throws Exception {
        v.sim.setReadyDelay(Duration.ofMinutes(10));
        v.sim.setListLag(Duration.ofHours(1));
        ResumeState withId = interruptedDeploy();
        ResumeState savedEarlier = new ResumeState(
                withId.name(),
                null,
                withId.deadline(),
                null,
                false,
                withId.flavorId(),
                withId.flavorName(),
                withId.pricePerHour(),
                "usd",
                1,
                null);

        DeployResult r = await(v.engine.resume(savedEarlier, v.ledger, v.log).result());

        assertEquals(withId.serviceId(), r.serviceId());
        assertEquals(1, v.sim.allServices().size());
        assertEquals(0, v.sim.requests(Route.LIST).size(), "no lookup by name: the ledger knew the id");
        assertEquals(
                LedgerEntry.State.CREATED,
                v.ledger.get(withId.name()).orElseThrow().state());
    }
}
