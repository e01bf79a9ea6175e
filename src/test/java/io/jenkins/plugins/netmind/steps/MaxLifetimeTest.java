package io.jenkins.plugins.netmind.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How a step's maximum lifetime, the global default and the ceiling combine. */
class MaxLifetimeTest {

    private static EndpointSettings asking(int minutes) {
        EndpointSettings s = new EndpointSettings("python:3.10-slim");
        s.setGpu("g");
        s.setMaxLifetimeMinutes(minutes);
        return s;
    }

    @Test
    void theStepsValueWinsWithinTheCeiling() {
        assertEquals(Duration.ofMinutes(90), asking(90).lifetime(1440, null));
        assertEquals(Duration.ofMinutes(120), asking(120).lifetime(1440, 120));
        assertEquals(Duration.ofMinutes(90), asking(90).lifetime(1440, 0), "0: no ceiling");
    }

    @Test
    void zeroTakesTheGlobalDefaultCappedByTheCeiling() {
        assertEquals(Duration.ofMinutes(1440), asking(0).lifetime(1440, null));
        assertEquals(Duration.ofMinutes(60), asking(0).lifetime(1440, 60));
        assertEquals(Duration.ofHours(24), asking(0).lifetime(0, null), "no default: 24 hours");
    }

    @Test
    void aboveTheCeilingOrNegativeIsRefusedSayingWhatToDo() {
        IllegalArgumentException over =
                assertThrows(IllegalArgumentException.class, () -> asking(121).lifetime(1440, 120));
        assertEquals(
                "maxLifetimeMinutes: 121 is above the ceiling of 120 minutes set in Manage Jenkins » System » NetMind"
                        + " Endpoints » Maximum lifetime ceiling: ask for 120 minutes or less, or ask an administrator"
                        + " to raise the ceiling.",
                over.getMessage());
        IllegalArgumentException negative =
                assertThrows(IllegalArgumentException.class, () -> asking(-5).lifetime(1440, null));
        assertEquals(
                "The maximum lifetime must be 0 (the global default) or more minutes, but is -5.",
                negative.getMessage());
    }

    @Test
    void theLifetimeAndTheControllerIdReachTheSpec() {
        var spec = asking(45).toDeploySpec("team/app #7", 30, null, Duration.ofMinutes(45), "abc123");
        assertEquals(Duration.ofMinutes(45), spec.expiresAfter());
        assertEquals("abc123", spec.controllerId());
        assertEquals(asking(45), asking(45).copy(), "the copy keeps the lifetime");
    }
}
