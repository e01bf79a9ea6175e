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
        assertDoesNotThrow(() -> FormChecks.atLeast("", 1));
        assertDoesNotThrow(() -> FormChecks.between(null, 1, 65535));
    }

    @Test
    void numbersOutOfRangeSayTheLimit() {
        assertEquals("0 is too small: at least 1.", complaint(() -> FormChecks.atLeast("0", 1)));
        assertEquals("70000 is too large: at most 65535.", complaint(() -> FormChecks.between("70000", 1, 65535)));
        assertEquals("'two' is not a whole number.", complaint(() -> FormChecks.atLeast("two", 1)));
        assertDoesNotThrow(() -> FormChecks.between(" 8080 ", 1, 65535));
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
        assertEquals("A path starts with '/': '/health'?", complaint(() -> FormChecks.path("health")));
        assertDoesNotThrow(() -> FormChecks.path("/health"));
        assertDoesNotThrow(() -> FormChecks.path(""));
    }

    @Test
    void variablePrefixIsChecked() {
        assertDoesNotThrow(() -> FormChecks.variablePrefix("JUDGE"));
        assertThrows(IllegalArgumentException.class, () -> FormChecks.variablePrefix("9X"));
    }

    @Test
    void paymentTypesOfferTheDefaultFirst() {
        assertEquals("usd", FormChecks.PAYMENT_TYPES.get(0));
        assertEquals(EndpointSettings.DEFAULT_PAYMENT_TYPE, FormChecks.PAYMENT_TYPES.get(0));
    }
}
