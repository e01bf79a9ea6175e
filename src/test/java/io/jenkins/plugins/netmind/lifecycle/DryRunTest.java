package io.jenkins.plugins.netmind.lifecycle;

import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.await;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.failure;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.sim.Route;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link EndpointEngine#plan}: resolves what a deploy would and creates nothing. */
class DryRunTest {

    private final VirtualSim v = new VirtualSim();

    @AfterEach
    void close() {
        v.close();
    }

    @Test
    void resolvesFlavorCapacityAndPriceAndCreatesNothing() throws Exception {
        DeployPlan plan = await(v.engine.plan(
                spec().region("other").instances(2).paymentType("cny").build(), v.log));

        assertEquals("7b2f36d30e0743debc6c60d5017e2d16", plan.flavorId());
        assertEquals("NVIDIA_GeForce_RTX_4090", plan.flavorName());
        assertEquals("other", plan.region());
        assertEquals(4, plan.capacityLeft());
        assertEquals(2, plan.instances());
        assertEquals(0, new BigDecimal("2.2").compareTo(plan.pricePerHour()));
        assertEquals(0, new BigDecimal("4.4").compareTo(plan.totalPerHour()));
        assertEquals("cny", plan.paymentType());
        assertEquals(v.sim.baseUrl(), plan.apiUrl());
        assertTrue(plan.name().startsWith("team-app-7-"), plan.name());

        assertEquals(Set.of(), v.sim.allServices(), "nothing created");
        assertEquals(List.of(), v.sim.requests(Route.CREATE), "no create sent");
        assertEquals(1, v.sim.requests(Route.LIST_FLAVORS).size());
        assertEquals(List.of(), v.ledger.entries().stream().toList(), "nothing recorded");
        assertEquals(
                List.of("Dry run, nothing was created: netmindDeploy would create endpoint " + plan.name()
                        + ": NVIDIA_GeForce_RTX_4090 in region other (flavor 7b2f36d30e0743debc6c60d5017e2d16,"
                        + " 4 instance(s) free), 2 instance(s), image python:3.10-slim, 4.40 CNY per hour"),
                v.log.lines());
    }

    @Test
    void aNamedDryRunKeepsTheName() throws Exception {
        DeployPlan plan = await(v.engine.plan(spec().name("my-endpoint").build(), v.log));
        assertEquals("my-endpoint", plan.name());
    }

    @Test
    void failsWithTheMessageADeployGives() throws Exception {
        EndpointException planned =
                failure(v.engine.plan(spec().gpu("NVIDIA_H100_80GB").build(), v.log));
        EndpointException deployed = failure(v.engine
                .deploy(spec().gpu("NVIDIA_H100_80GB").build(), v.ledger, v.log)
                .result());
        assertEquals(EndpointException.Reason.NO_FLAVOR, planned.reason());
        assertEquals(deployed.getMessage(), planned.getMessage());

        EndpointException unknown = failure(v.engine.plan(spec().gpu("RTX_9999").build(), v.log));
        assertTrue(unknown.getMessage().startsWith("No flavor named RTX_9999; NetMind offers: "), unknown.getMessage());
        assertEquals(Set.of(), v.sim.allServices());
    }
}
