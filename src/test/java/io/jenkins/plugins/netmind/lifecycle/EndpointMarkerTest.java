package io.jenkins.plugins.netmind.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ownership marker: what is written, what is read back, and what older versions wrote. */
class EndpointMarkerTest {

    private static final Instant EXPIRES = Instant.parse("2026-12-02T03:00:00.456Z");

    @Test
    void formatNamesControllerOwnerExpiryAndNonce() {
        String d = EndpointNames.description("3f9a0c1be27d", "team/app #7", EXPIRES, "k3x9qa0b1c2d");
        assertEquals(
                "managed-by=jenkins-netmind ctl=3f9a0c1be27d owner=team/app%20#7 expires=2026-12-02T03:00:00Z"
                        + " nonce=k3x9qa0b1c2d",
                d);
        EndpointMarker m = EndpointMarker.parse(d).orElseThrow();
        assertEquals(
                new EndpointMarker(
                        "3f9a0c1be27d",
                        "team/app #7",
                        "team/app",
                        7,
                        Instant.parse("2026-12-02T03:00:00Z"),
                        "k3x9qa0b1c2d"),
                m);
    }

    @Test
    void ownerWithBlanksAndPercentParsesBackExactly() {
        String owner = "my folder/100% sure\tjob #12";
        String d = EndpointNames.description("abc", owner, EXPIRES, "n0nce");
        assertTrue(d.contains(" owner=my%20folder/100%25%20sure%09job%20#12 "), d);
        EndpointMarker m = EndpointMarker.parse(d).orElseThrow();
        assertEquals(owner, m.owner());
        assertEquals("my folder/100% sure\tjob", m.job());
        assertEquals(12, m.build());
        assertEquals("n0nce", m.nonce());
        assertEquals("n0nce", EndpointNames.nonce(d).orElseThrow());
        assertEquals(
                new EndpointMarker.Owner("my folder/100% sure\tjob", 12),
                EndpointMarker.Owner.parse(owner).orElseThrow(),
                "a row's owner text gives the job and build to link to");
        assertTrue(EndpointMarker.Owner.parse("my_folder/job_#3").isEmpty());
        assertEquals(
                Instant.parse("2026-12-02T03:00:00Z"), EndpointNames.expiry(d).orElseThrow());
    }

    @Test
    void ownerIsCutToItsLimitWithoutSplittingAnEscape() {
        String d = EndpointNames.description("abc", "a".repeat(78) + " b #1", EXPIRES, null);
        EndpointMarker m = EndpointMarker.parse(d).orElseThrow();
        assertEquals("a".repeat(78), m.owner());
        assertNull(m.job());
        assertNull(m.build());
        assertTrue(d.length() < 160, d);
    }

    @Test
    void markersOfOlderVersionsStillParse() {
        EndpointMarker first = EndpointMarker.parse(
                        "managed-by=jenkins-netmind owner=my_folder/job_#3 expires=2025-03-01T10:15:30Z")
                .orElseThrow();
        assertNull(first.controllerId());
        assertNull(first.nonce());
        assertEquals("my_folder/job_#3", first.owner());
        assertNull(first.job(), "blanks written as _ cannot be told from underscores");
        assertEquals(Instant.parse("2025-03-01T10:15:30Z"), first.expires());

        EndpointMarker second = EndpointMarker.parse(
                        "managed-by=jenkins-netmind owner=team/app_#7 expires=2025-03-01T10:15:30Z nonce=abc123def456")
                .orElseThrow();
        assertNull(second.controllerId());
        assertEquals("abc123def456", second.nonce());
        assertFalse(second.isOtherController("3f9a0c1be27d"), "no id: not known to be another's");
    }

    @Test
    void aDescriptionEditedByHand() {
        EndpointMarker m = EndpointMarker.parse("managed-by=jenkins-netmind  note=keep  expires=soon ctl=BAD owner=")
                .orElseThrow();
        assertNull(m.expires(), "an unreadable expiry is no expiry");
        assertNull(m.controllerId(), "an id with capitals is not one this plugin writes");
        assertNull(m.owner());
        assertFalse(m.isExpired(Instant.MAX));
        assertTrue(EndpointMarker.parse("test").isEmpty());
        assertTrue(EndpointMarker.parse(null).isEmpty());
        assertTrue(EndpointMarker.parse("see managed-by=jenkins-netmind").isEmpty(), "the marker comes first");
    }

    @Test
    void expiryIsReachedAtTheInstant() {
        EndpointMarker m =
                EndpointMarker.parse(EndpointNames.description("x #1", EXPIRES)).orElseThrow();
        Instant at = Instant.parse("2026-12-02T03:00:00Z");
        assertFalse(m.isExpired(at.minusSeconds(1)));
        assertTrue(m.isExpired(at));
    }

    @Test
    void aControllerIdMustBeShortLowercase() {
        assertThrows(
                IllegalArgumentException.class, () -> EndpointNames.description("Has Space", "o #1", EXPIRES, null));
        EndpointException e = assertThrows(
                EndpointException.class,
                () -> DeploySpec.builder()
                        .gpu("g")
                        .image("i")
                        .controllerId("a".repeat(33))
                        .build());
        assertEquals(
                "The controller id \"" + "a".repeat(33) + "\" is not valid: use 1 to 32 lowercase letters and digits.",
                e.getMessage());
    }
}
