package io.jenkins.plugins.netmind.steps;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The rules behind the Snippet Generator's field checks, with the texts shown under the fields. */
class FormChecksTest {

    private static String complaint(Runnable check) {
        return assertThrows(IllegalArgumentException.class, check::run).getMessage();
    }

    @Test
    void emptyNumbersTakeTheirDefault() {
        assertDoesNotThrow(() -> FormChecks.atLeast("Instances", "", 1));
        assertDoesNotThrow(() -> FormChecks.between("Port", null, 1, 65535));
    }

    @Test
    void numbersOutOfRangeSayTheFieldAndTheLimit() {
        assertEquals(
                "Instances: 0 is too small, use at least 1.", complaint(() -> FormChecks.atLeast("Instances", "0", 1)));
        assertEquals(
                "Port: 70000 is too large, use at most 65535.",
                complaint(() -> FormChecks.between("Port", "70000", 1, 65535)));
        assertEquals(
                "Instances: 'two' is not a whole number.", complaint(() -> FormChecks.atLeast("Instances", "two", 1)));
        assertDoesNotThrow(() -> FormChecks.between("Port", " 8080 ", 1, 65535));
    }

    @Test
    void requiredFieldsSayWhatIsMissing() {
        assertEquals(
                "Required: the container image the endpoint runs.",
                complaint(() -> FormChecks.required(" ", Messages.Forms_imageRequired())));
        assertDoesNotThrow(() -> FormChecks.required("python:3.10-slim", Messages.Forms_imageRequired()));
    }

    @Test
    void pathsStartWithASlash() {
        assertEquals("Readiness path: a path starts with '/': '/health'?", complaint(() -> FormChecks.path("health")));
        assertDoesNotThrow(() -> FormChecks.path("/health"));
        assertDoesNotThrow(() -> FormChecks.path(""));
    }

    @Test
    void variablePrefixIsChecked() {
        assertDoesNotThrow(() -> FormChecks.variablePrefix("JUDGE"));
        assertThrows(IllegalArgumentException.class, () -> FormChecks.variablePrefix("9X"));
    }

    @Test
    void exactlyOneOfGpuModelAndFlavorId() {
        assertEquals(
                "Choose the hardware: fill in either GPU model or Flavor id.",
                complaint(() -> FormChecks.exactlyOneHardware(" ", null)));
        assertEquals(
                "Fill in only one of GPU model and Flavor id.",
                complaint(() -> FormChecks.exactlyOneHardware("NVIDIA_GeForce_RTX_4090", "abc")));
        assertDoesNotThrow(() -> FormChecks.exactlyOneHardware("NVIDIA_GeForce_RTX_4090", ""));
        assertDoesNotThrow(() -> FormChecks.exactlyOneHardware(null, "abc"));
    }
}
