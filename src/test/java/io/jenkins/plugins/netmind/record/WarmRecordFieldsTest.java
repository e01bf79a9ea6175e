package io.jenkins.plugins.netmind.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.util.XStream2;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry.State;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The warm pool's fields of a record (issue 13): how a record moves from a build to the pool and on to the next. */
class WarmRecordFieldsTest {

    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");
    private static final Instant T1 = T0.plusSeconds(600);
    private static final Instant T2 = T1.plusSeconds(1800);

    private static RecordedEndpoint created() {
        LedgerEntry entry = new LedgerEntry(
                        "ci-7-a1b2", null, State.INTENT, T0, "flavor-1", 1, new BigDecimal("0.30"), "usd", null)
                .created("svc-1", T0, T0);
        return RecordedEndpoint.of("key-7", "team/app#7", "cred", "http://127.0.0.1:1", entry)
                .describedAs("NVIDIA_GeForce_RTX_4090", "other", "http://127.0.0.1:1/endpoints/svc-1/");
    }

    @Test
    void aRecordMovesFromTheBuildToThePoolAndToTheNextBuild() {
        RecordedEndpoint warm = created().keptWarm("image=x", 30, true, T1);
        assertEquals("image=x", warm.getWarmKey());
        assertEquals(30, warm.getKeepWarmMinutes());
        assertTrue(warm.isKeepWarmOnFailure());
        assertFalse(warm.isParked());
        assertEquals(warm.getWarmKey(), warm.with(warm.toEntry()).getWarmKey(), "a new state keeps the request");

        RecordedEndpoint pooled = warm.parkedInPool(T1, T2);
        assertTrue(pooled.isParked());
        assertEquals(RecordedEndpoint.POOL_KEY_PREFIX + "svc-1", pooled.getBuildKey());
        assertEquals("team/app", pooled.getJobFullName(), "its job finds the credential to delete it with");
        assertEquals(State.CREATED, pooled.getState());
        assertEquals(T2.toString(), pooled.getIdleUntil());
        assertEquals("http://127.0.0.1:1/endpoints/svc-1/", pooled.getUrl());
        assertEquals(T1.toString(), pooled.getAvailableAt());

        RecordedEndpoint shown = warm.handedToPool(T1, T2);
        assertTrue(shown.isDeleted(), "no longer the build's to delete");
        assertFalse(shown.isParked(), "the build's own record is not the pool's");
        assertEquals("key-7", shown.getBuildKey());

        RecordedEndpoint leased = pooled.leasedTo("key-8", "team/app#8", T2, "image=x", 15, false);
        assertFalse(leased.isParked());
        assertEquals("key-8", leased.getBuildKey());
        assertEquals("team/app#8", leased.getRunId());
        assertEquals(State.CREATED, leased.getState());
        assertEquals(15, leased.getKeepWarmMinutes());
        assertFalse(leased.isKeepWarmOnFailure());
        assertNull(leased.getParkedAt());
        assertEquals("svc-1", leased.getServiceId());
        assertEquals(T0.toString(), leased.getCreatedAt(), "its start-up is still known");
        assertEquals(T1.toString(), leased.getAvailableAt());
    }

    @Test
    void aRecordSavedBeforeTheWarmPoolReadsAsNotWarm() {
        XStream2 xstream = new XStream2();
        String xml = xstream.toXML(created());
        String old = xml.lines()
                .filter(l -> !l.matches(
                        "\\s*<(warmKey|keepWarmMinutes|keepWarmOnFailure|availableAt|parkedAt|idleUntil)>.*"))
                .collect(Collectors.joining("\n"));
        assertFalse(old.contains("keepWarm"), old);

        RecordedEndpoint read = (RecordedEndpoint) xstream.fromXML(old);

        assertEquals("svc-1", read.getServiceId());
        assertEquals(State.CREATED, read.getState());
        assertNull(read.getWarmKey());
        assertEquals(0, read.getKeepWarmMinutes());
        assertFalse(read.isParked());
    }
}
