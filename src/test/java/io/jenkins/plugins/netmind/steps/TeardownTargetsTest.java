package io.jenkins.plugins.netmind.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which endpoints netmindTeardown deletes. */
class TeardownTargetsTest {

    @Test
    void nothingNamedMeansEveryEndpointOfTheBuild() {
        assertEquals(List.of(), TeardownTargets.of(null, null));
        assertEquals(List.of(), TeardownTargets.of(" ", List.of("", "  ")));
    }

    @Test
    void serviceIdAndServiceIdsTogetherEachOnceInOrder() {
        assertEquals(List.of("a", "b", "c"), TeardownTargets.of(" a ", Arrays.asList("b", null, "a", "c ", "b")));
    }
}
