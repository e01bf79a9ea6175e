package io.jenkins.plugins.netmind.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.lifecycle.DeploySpec;
import io.jenkins.plugins.netmind.lifecycle.EndpointException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The step parameters as the lifecycle receives them, and the messages a user sees for wrong ones. */
class EndpointSettingsTest {

    private static EndpointSettings gpu4090() {
        EndpointSettings s = new EndpointSettings("python:3.10-slim");
        s.setGpu("NVIDIA_GeForce_RTX_4090");
        return s;
    }

    @Test
    void defaultsAreOneInstanceOnPort8080WithOneGpuBilledInUsd() {
        DeploySpec spec = gpu4090().toDeploySpec("team/app #7", 0, null);
        assertEquals(1, spec.instances());
        assertEquals(8080, spec.port());
        assertEquals(1, spec.gpuCount());
        assertEquals("usd", spec.paymentType());
        assertEquals(DeploySpec.DEFAULT_TIMEOUT, spec.timeout());
        assertNull(spec.readinessPath());
        assertFalse(spec.sendTokenToEndpoint());
        assertNull(spec.name(), "no name: the lifecycle generates one from the owner");
        assertEquals("team/app #7", spec.owner());
    }

    @Test
    void everyParameterReachesTheSpec() {
        EndpointSettings s = new EndpointSettings("  vllm/vllm-openai:latest ");
        s.setFlavorId("69475e82e81c4dd6be3467e2ca374e0c");
        s.setRegion("cn");
        s.setName("judge-7");
        s.setCommand("python -m vllm.entrypoints.openai.api_server");
        s.setPort(8000);
        s.setGpuCount(2);
        s.setInstances(3);
        s.setPaymentType("CNY");
        s.setTimeoutMinutes(45);
        s.setReadinessPath("/v1/models");
        s.setSendTokenToEndpoint(true);

        DeploySpec spec = s.toDeploySpec("owner #1", 10, "/health");

        assertEquals("vllm/vllm-openai:latest", spec.image());
        assertEquals("69475e82e81c4dd6be3467e2ca374e0c", spec.flavorId());
        assertNull(spec.gpu());
        assertEquals("cn", spec.region());
        assertEquals("judge-7", spec.name());
        assertEquals("python -m vllm.entrypoints.openai.api_server", spec.command());
        assertEquals(8000, spec.port());
        assertEquals(2, spec.gpuCount());
        assertEquals(3, spec.instances());
        assertEquals("cny", spec.paymentType());
        assertEquals(Duration.ofMinutes(45), spec.timeout(), "the step's timeout wins over the global default");
        assertEquals("/v1/models", spec.readinessPath(), "the step's path wins over the global default");
        assertTrue(spec.sendTokenToEndpoint());
    }

    @Test
    void zeroTimeoutAndEmptyPathTakeTheGlobalDefaults() {
        EndpointSettings s = gpu4090();
        s.setReadinessPath("   ");
        DeploySpec spec = s.toDeploySpec("o", 12, "/health");
        assertEquals(Duration.ofMinutes(12), spec.timeout());
        assertEquals("/health", spec.readinessPath());
    }

    @Test
    void blankTextsCountAsNotGiven() {
        EndpointSettings s = gpu4090();
        s.setName(" ");
        s.setCredentialsId("");
        s.setCommand("\t");
        s.setPaymentType("");
        assertNull(s.getName());
        assertNull(s.getCredentialsId());
        assertNull(s.getCommand());
        assertEquals("usd", s.getPaymentType());
    }

    @Test
    void bothFlavorAndGpuIsRefusedNamingBoth() {
        EndpointSettings s = gpu4090();
        s.setFlavorId("abc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.toDeploySpec("o", 0, null));
        assertEquals(
                "Both the flavor id 'abc' and the GPU model 'NVIDIA_GeForce_RTX_4090' are set: keep only one of them.",
                e.getMessage());
    }

    @Test
    void negativeTimeoutIsRefused() {
        EndpointSettings s = gpu4090();
        s.setTimeoutMinutes(-5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.toDeploySpec("o", 0, null));
        assertEquals("Wait timeout must be 0 (the global default) or more minutes, but is -5.", e.getMessage());
    }

    @Test
    void missingHardwareIsRefusedNamingTheParameters() {
        EndpointSettings s = new EndpointSettings("python:3.10-slim");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.toDeploySpec("o", 0, null));
        assertEquals(
                "No hardware given: set the GPU model (gpu, a flavor's display name such as"
                        + " 'NVIDIA_GeForce_RTX_4090') or the flavor id (flavorId, an id from NetMind's flavor list).",
                e.getMessage());
    }

    @Test
    void missingImageIsRefused() {
        EndpointSettings s = new EndpointSettings(" ");
        s.setGpu("NVIDIA_GeForce_RTX_4090");
        EndpointException e = assertThrows(EndpointException.class, () -> s.toDeploySpec("o", 0, null));
        assertEquals(EndpointException.Reason.INVALID_SPEC, e.reason());
        assertTrue(e.getMessage().contains("image"), e.getMessage());
    }

    @Test
    void zeroInstancesIsRefused() {
        EndpointSettings s = gpu4090();
        s.setInstances(0);
        EndpointException e = assertThrows(EndpointException.class, () -> s.toDeploySpec("o", 0, null));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }

    @Test
    void aCopyIsEqualAndIndependent() {
        EndpointSettings s = gpu4090();
        s.setInstances(2);
        EndpointSettings copy = s.copy();
        assertEquals(s, copy);
        copy.setInstances(5);
        assertNotEquals(s, copy);
        assertEquals(2, s.getInstances());
    }

    @Test
    void toStringNamesTheCredentialsIdButHoldsNoSecret() {
        EndpointSettings s = gpu4090();
        s.setCredentialsId("netmind-token");
        assertTrue(s.toString().contains("credentialsId=netmind-token"), s.toString());
    }
}
