package io.jenkins.plugins.netmind.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names, the ownership marker and the checks a user's settings go through. */
class SpecAndNamesTest {

    private static DeploySpec.Builder valid() {
        return DeploySpec.builder().gpu("NVIDIA_GeForce_RTX_4090").image("python:3.10-slim");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upper", "9starts-with-digit", "under_score", "-dash", "has space", "é"})
    void invalidNamesAreRefusedWithWhatIsAllowed(String name) {
        EndpointException e =
                assertThrows(EndpointException.class, () -> valid().name(name).build());
        assertEquals(EndpointException.Reason.INVALID_SPEC, e.reason());
        assertEquals(
                "Endpoint name \"" + name + "\" is not valid: use lowercase letters, digits and dashes, start with a "
                        + "letter, at most 63 characters.",
                e.getMessage());
    }

    @Test
    void nameLengthLimit() {
        assertEquals("a".repeat(63), valid().name("a".repeat(63)).build().name());
        assertThrows(EndpointException.class, () -> valid().name("a".repeat(64)).build());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "folder/job #12",
                "",
                "  ",
                "123",
                "ÜBER-Job!!",
                "a-very-long-folder-name/with-a-very-long-job-name-that-goes-on-and-on #123456"
            })
    void generatedNamesAreValidAndUnique(String owner) {
        Random random = new Random(5);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String name = EndpointNames.generate(owner, random);
            assertTrue(EndpointNames.isValid(name), name);
            assertFalse(name.contains("--"), name);
            names.add(name);
        }
        assertEquals(200, names.size());
    }

    @Test
    void generatedNameShowsTheOwner() {
        String name = EndpointNames.generate("folder/job #12", new Random(1));
        assertTrue(name.matches("folder-job-12-[a-z0-9]{6}"), name);
        assertTrue(EndpointNames.generate("123", new Random(1)).startsWith("jenkins-123-"));
    }

    @Test
    void markerCarriesOwnerAndExpiry() {
        Instant expires = Instant.parse("2025-03-01T10:15:30.123Z");
        String d = EndpointNames.description("my folder/job #3", expires);
        assertEquals("managed-by=jenkins-netmind owner=my%20folder/job%20#3 expires=2025-03-01T10:15:30Z", d);
        assertTrue(EndpointNames.isManaged(d));
        assertEquals(
                Instant.parse("2025-03-01T10:15:30Z"), EndpointNames.expiry(d).orElseThrow());
        assertTrue(EndpointNames.expiry("test").isEmpty());
    }

    @Test
    void settingsAreCheckedWithMessagesThatSayWhatToFix() {
        assertMessage(
                "Say which GPU to deploy on: give a flavor id or a GPU name such as NVIDIA_GeForce_RTX_4090.",
                DeploySpec.builder().image("x"));
        assertMessage(
                "Give the container image to deploy.", DeploySpec.builder().gpu("g"));
        assertMessage("The instance count must be at least 1, not 0.", valid().instances(0));
        assertMessage("The port must be between 1 and 65535, not 70000.", valid().port(70000));
        assertMessage("Payment type \"eur\" is not known: use usd, cny or nmt.", valid().paymentType("eur"));
        assertMessage(
                "The readiness path \"health\" is not a URI path: it must start with one slash and hold only"
                        + " characters allowed in a URL path or query (no blanks or #; encode others as %XX), e.g."
                        + " /health.",
                valid().readinessPath("health"));
    }

    @Test
    void defaults() {
        DeploySpec spec = valid().paymentType(" USD ").build();
        assertEquals("usd", spec.paymentType());
        assertEquals(Duration.ofMinutes(30), spec.timeout());
        assertEquals(1, spec.instances());
        assertFalse(spec.sendTokenToEndpoint());
    }

    private static void assertMessage(String expected, DeploySpec.Builder builder) {
        EndpointException e = assertThrows(EndpointException.class, builder::build);
        assertEquals(expected, e.getMessage());
    }
}
