package io.jenkins.plugins.netmind.lifecycle;

import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.await;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.failure;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.sim.Route;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scaling waits for the new state, not the old {@code available}. */
class ScaleTest {

    private final VirtualSim v = new VirtualSim();

    @AfterEach
    void close() {
        v.close();
    }

    @Test
    void waitsUntilTheNewCountIsAvailable() throws Exception {
        DeployResult r = await(v.engine.deploy(spec().build(), v.ledger, v.log).result());
        v.sim.setScaleDelay(Duration.ofMinutes(4));
        Instant asked = v.clock.instant();

        ScaleResult s = await(v.engine.scale(ScaleSpec.of(r.serviceId(), 3), v.ledger, v.log));

        Instant availableAgain = v.sim.availableAt(r.serviceId()).orElseThrow();
        assertTrue(!availableAgain.isBefore(asked.plus(Duration.ofMinutes(4))), "the sim became available again late");
        assertTrue(!v.clock.instant().isBefore(availableAgain), "completed before the new state was available");
        assertTrue(s.waited().compareTo(Duration.ofMinutes(4)) >= 0, s.toString());
        assertEquals(3, s.instances());
        assertEquals("available", s.status());
        assertEquals(
                "\"3\"",
                v.sim.requests(Route.UPDATE)
                        .get(0)
                        .json()
                        .at("/resource_metadata/target_instance_number")
                        .toString());
        assertTrue(v.log.contains("Scaling endpoint " + r.name() + " to 3 instance(s)"), v.log.toString());
        assertTrue(
                v.log.contains("Endpoint " + r.name() + " runs 3 instance(s), available again after 4m"),
                v.log.toString());
        assertEquals(3, v.ledger.get(r.name()).orElseThrow().instances());
    }

    @Test
    void anImmediateScaleIsAcceptedOnceStable() throws Exception {
        DeployResult r = await(v.engine.deploy(spec().build(), v.ledger, v.log).result());
        v.sim.setScaleDelay(Duration.ZERO);

        ScaleResult s = await(v.engine.scale(ScaleSpec.of(r.serviceId(), 2), LogSink.NONE));

        assertEquals("available", s.status());
        assertEquals(2, s.instances());
    }

    @Test
    void withoutWaitingReturnsAfterTheUpdate() throws Exception {
        DeployResult r = await(v.engine.deploy(spec().build(), v.ledger, v.log).result());
        v.sim.setScaleDelay(Duration.ofMinutes(10));

        ScaleResult s = await(v.engine.scale(new ScaleSpec(r.serviceId(), 2, false, null), v.log));

        assertEquals(Duration.ZERO, s.waited());
        assertEquals("initializing", s.status());
    }

    @Test
    void refusedScaleSaysWhy() throws Exception {
        DeployResult r = await(v.engine.deploy(spec().build(), v.ledger, v.log).result());

        EndpointException e = failure(v.engine.scale(ScaleSpec.of(r.serviceId(), 9), v.log));

        assertTrue(e.getMessage().startsWith("Could not scale endpoint " + r.serviceId() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("insufficient resources"), e.getMessage());
    }

    @Test
    void scaleTimesOut() throws Exception {
        DeployResult r = await(v.engine.deploy(spec().build(), v.ledger, v.log).result());
        v.sim.setScaleDelay(Duration.ofHours(2));

        EndpointException e =
                failure(v.engine.scale(new ScaleSpec(r.serviceId(), 2, true, Duration.ofMinutes(5)), v.ledger, v.log));

        assertEquals(EndpointException.Reason.TIMEOUT, e.reason());
        assertEquals(
                "Endpoint " + r.name()
                        + " did not reach 2 available instance(s) within 5m 00s (last seen: initializing, 1 targeted).",
                e.getMessage());
    }
}
