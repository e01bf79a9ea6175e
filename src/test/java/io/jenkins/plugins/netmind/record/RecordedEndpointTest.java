package io.jenkins.plugins.netmind.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry.State;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecordedEndpointTest {

    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static LedgerEntry intent(String name) {
        return new LedgerEntry(name, null, State.INTENT, T0, "flavor-1", 2, new BigDecimal("0.30"), "usd", null);
    }

    @Test
    void keepsEveryFieldOfTheEntryAndTheConnectionItWasCreatedWith() {
        LedgerEntry created = intent("ci-job-7-a1b2").created("svc-1", T1, T1);
        RecordedEndpoint record = RecordedEndpoint.of("folder/job#7", "netmind-token", "http://127.0.0.1:1", created);

        assertEquals(created, record.toEntry());
        assertEquals("folder/job#7", record.getRunId());
        assertEquals("folder/job", record.getJobFullName());
        assertEquals("netmind-token", record.getCredentialsId());
        assertEquals("http://127.0.0.1:1", record.getApiUrl());
        assertEquals(State.CREATED, record.getState());
        assertEquals("2025-01-02T03:05:05Z", record.getCreatedAt());
    }

    @Test
    void aRecordOfTheFirstReleaseWithoutBuildKeyIsKeyedByItsRunId() throws Exception {
        // what XStream reads from a registry file of the first release: every field but the build key
        RecordedEndpoint old =
                RecordedEndpoint.of("x", "team/app#7", "cred", null, intent("e").created("svc-1", T1, T1));
        Field buildKey = RecordedEndpoint.class.getDeclaredField("buildKey");
        buildKey.setAccessible(true);
        buildKey.set(old, null);
        Method readResolve = RecordedEndpoint.class.getDeclaredMethod("readResolve");
        readResolve.setAccessible(true);

        RecordedEndpoint read = (RecordedEndpoint) readResolve.invoke(old);

        assertEquals("team/app#7", read.getBuildKey());
        assertEquals("svc-1", read.getServiceId());
        RecordedEndpoint moved = read.withRunId("other/app#7");
        assertEquals("team/app#7", moved.getBuildKey(), "a rename keeps the key");
        assertEquals("other/app#7", moved.getRunId());
    }

    @Test
    void aNewStateKeepsTheBuildAndConnection() {
        RecordedEndpoint record = RecordedEndpoint.of("job#1", "cred", "https://api.netmind.ai", intent("e"));
        RecordedEndpoint deleted = record.with(intent("e").withState(State.DELETED, T1));
        assertEquals("cred", deleted.getCredentialsId());
        assertEquals("job#1", deleted.getRunId());
        assertTrue(deleted.isDeleted());
        assertFalse(record.isDeleted());
    }

    @Test
    void persistsOnlyPlainValuesAndNothingThatCouldHoldAToken() {
        Set<Class<?>> allowed = Set.of(String.class, int.class, Integer.class, boolean.class, BigDecimal.class);
        List<Field> persisted = Arrays.stream(RecordedEndpoint.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
                .toList();
        for (Field f : persisted) {
            assertTrue(allowed.contains(f.getType()), f + " is not a plain value");
            assertFalse(
                    f.getName().toLowerCase().contains("token")
                            || f.getName().toLowerCase().contains("secret"),
                    f.getName());
        }
        assertEquals(
                Set.of(
                        "buildKey",
                        "runId",
                        "credentialsId",
                        "apiUrl",
                        "name",
                        "serviceId",
                        "state",
                        "recordedAt",
                        "flavorId",
                        "instances",
                        "pricePerHour",
                        "paymentType",
                        "createdAt",
                        "nonce",
                        "gpuName",
                        "region",
                        "url",
                        // warm pool (issue 13)
                        "warmKey",
                        "keepWarmMinutes",
                        "keepWarmOnFailure",
                        "availableAt",
                        "parkedAt",
                        "idleUntil",
                        // capacity guard (issue 12)
                        "gpusPerInstance",
                        "usdPerInstanceHour"),
                persisted.stream().map(Field::getName).collect(Collectors.toSet()));
    }

    @Test
    void toStringNamesTheEndpointOnly() {
        RecordedEndpoint record = RecordedEndpoint.of("job#1", "cred", "https://api.netmind.ai", intent("e"));
        assertEquals("RecordedEndpoint[job#1 e null INTENT]", record.toString());
    }

    @Test
    void theRegistryDropsWhatIsDeletedAndTheBuildKeepsItAsHistory() {
        RecordedEndpoint a = RecordedEndpoint.of("job#1", "c", "u", intent("a"));
        RecordedEndpoint b = RecordedEndpoint.of("job#1", "c", "u", intent("b"));
        RecordedEndpoint otherBuildA = RecordedEndpoint.of("job#2", "c", "u", intent("a"));
        RecordedEndpoint aGone = a.with(intent("a").withState(State.DELETED, T1));

        List<RecordedEndpoint> registry = new ArrayList<>();
        List<RecordedEndpoint> build = new ArrayList<>();
        for (RecordedEndpoint r : List.of(a, b, otherBuildA, aGone)) {
            EndpointRecords.upsert(registry, r, true);
            EndpointRecords.upsert(build, r, false);
        }

        assertEquals(List.of(b, otherBuildA), registry);
        assertEquals(List.of(aGone, b, otherBuildA), build);
        assertEquals(List.of(b, otherBuildA), EndpointRecords.pending(build));
    }

    @Test
    void aDeletedRecordIsNeverAddedToTheRegistry() {
        List<RecordedEndpoint> registry = new ArrayList<>();
        EndpointRecords.upsert(
                registry, RecordedEndpoint.of("job#1", "c", "u", intent("a").withState(State.DELETED, T1)), true);
        assertTrue(registry.isEmpty());
    }

    @Test
    void groupsByConnectionInOrderOfFirstAppearance() {
        RecordedEndpoint a = RecordedEndpoint.of("job#1", "c1", "u", intent("a"));
        RecordedEndpoint b = RecordedEndpoint.of("job#1", "c2", "u", intent("b"));
        RecordedEndpoint c = RecordedEndpoint.of("job#1", "c1", "u", intent("c"));
        var groups = EndpointRecords.groupBy(List.of(a, b, c), RecordedEndpoint::getCredentialsId);
        assertEquals(List.of("c1", "c2"), List.copyOf(groups.keySet()));
        assertEquals(List.of(a, c), groups.get("c1"));
    }
}
