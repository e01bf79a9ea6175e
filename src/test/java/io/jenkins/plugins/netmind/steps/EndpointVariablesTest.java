package io.jenkins.plugins.netmind.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names of the variables withNetmindEndpoint's block sees. */
class EndpointVariablesTest {

    @Test
    void defaultPrefixGivesTheDocumentedNames() {
        Map<String, String> values =
                EndpointVariables.withPrefix(null).values("https://ep.example/abc", "svc-1", "team-app-7-k3x9qa");
        assertEquals(
                List.of("NETMIND_ENDPOINT_URL", "NETMIND_SERVICE_ID", "NETMIND_ENDPOINT_NAME"),
                List.copyOf(values.keySet()));
        assertEquals("https://ep.example/abc", values.get("NETMIND_ENDPOINT_URL"));
        assertEquals("svc-1", values.get("NETMIND_SERVICE_ID"));
        assertEquals("team-app-7-k3x9qa", values.get("NETMIND_ENDPOINT_NAME"));
    }

    @Test
    void blankPrefixIsTheDefault() {
        assertEquals("NETMIND_ENDPOINT_URL", EndpointVariables.withPrefix("  ").urlVariable());
    }

    @Test
    void aPrefixPerBlockKeepsTwoEndpointsApart() {
        EndpointVariables judge = EndpointVariables.withPrefix("JUDGE");
        EndpointVariables candidate = EndpointVariables.withPrefix("candidate_2");
        assertEquals("JUDGE_ENDPOINT_URL", judge.urlVariable());
        assertEquals("JUDGE_SERVICE_ID", judge.serviceIdVariable());
        assertEquals("candidate_2_ENDPOINT_NAME", candidate.nameVariable());
    }

    @Test
    void aPrefixThatCannotStartAVariableNameIsRefused() {
        for (String bad : List.of("1ST", "MY-EP", "A B", "$X")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> EndpointVariables.withPrefix(bad), bad);
            assertEquals(
                    "Variable prefix '" + bad + "' cannot start an environment variable name: use letters, digits and"
                            + " underscores, not starting with a digit.",
                    e.getMessage());
        }
    }
}
