package io.jenkins.plugins.netmind.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The keep-warm settings (issue 13) of the shared endpoint settings. */
class KeepWarmSettingsTest {

    private static EndpointSettings settings() {
        EndpointSettings s = new EndpointSettings("python:3.10-slim");
        s.setGpu("NVIDIA_GeForce_RTX_4090");
        return s;
    }

    @Test
    void offByDefaultAndKeptByCopies() {
        EndpointSettings s = settings();
        assertEquals(0, s.getKeepWarmMinutes());
        assertFalse(s.isKeepWarmOnFailure());
        s.setKeepWarmMinutes(30);
        s.setKeepWarmOnFailure(true);
        EndpointSettings copy = s.copy();
        assertEquals(30, copy.getKeepWarmMinutes());
        assertTrue(copy.isKeepWarmOnFailure());
        assertEquals(s, copy);
        assertNotEquals(settings(), s, "keep-warm settings are part of what the form round trip compares");
    }

    @Test
    void negativeMinutesAreRefusedBeforeAnythingIsCreated() {
        EndpointSettings s = settings();
        s.setKeepWarmMinutes(-5);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> s.toDeploySpec("team/app #7", 30, null));
        assertEquals("keepWarmMinutes must be 0 (delete the endpoint when done) or more, not -5.", e.getMessage());
    }

    @Test
    void keepWarmDoesNotChangeWhatIsDeployed() {
        EndpointSettings warm = settings();
        warm.setKeepWarmMinutes(30);
        assertEquals(settings().toDeploySpec("o", 30, null), warm.toDeploySpec("o", 30, null));
    }
}
