package io.jenkins.plugins.netmind.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.NullNode;
import io.jenkins.plugins.netmind.client.Flavor;
import io.jenkins.plugins.netmind.client.Service;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which endpoints are this controller's, and which of them the sweep deletes. */
class FleetTest {

    private static final String ME = "3f9a0c1be27d";
    private static final String OTHER = "77aa00bb11cc";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(1));
    private static final Instant EARLIER = NOW.minus(Duration.ofMinutes(1));
    private static final List<Flavor> FLAVORS = List.of(new Flavor(
            "f-4090",
            "NVIDIA_GeForce_RTX_4090",
            null,
            null,
            new Flavor.MetaInfo("12.4", "other"),
            new Flavor.Billing(new BigDecimal("3.5"), new BigDecimal("0.5"), null),
            null,
            null,
            null,
            false,
            3,
            8));

    static Service service(String id, String name, String description, int instances, String createdAt) {
        return new Service(
                id,
                name,
                description,
                "u1",
                "available",
                null,
                new Service.ResourceMetadata(
                        "RTX 4090", "manual", "f-4090", instances, NullNode.getInstance(), null, null),
                null,
                null,
                null,
                "normal",
                createdAt,
                null,
                null,
                false,
                "usd");
    }

    private static String mine(String owner, Instant expires) {
        return EndpointNames.description(ME, owner, expires, "n0nce");
    }

    private static List<FleetRow> classify(List<Service> services, List<Fleet.Tracked> tracked, Fleet.Builds builds) {
        return Fleet.classify(services, FLAVORS, tracked, ME, builds, NOW);
    }

    private static FleetState stateOf(Service s, List<Fleet.Tracked> tracked, Fleet.Builds builds) {
        return classify(List.of(s), tracked, builds).get(0).state();
    }

    @Test
    void trackedWithItsBuildRunningIsOwnedAndTheRowCarriesEverything() {
        Service s = service("svc-1", "app-1", mine("team/my app #7", LATER), 2, "2026-12-01 11:30:00");
        List<FleetRow> rows = classify(
                List.of(s), List.of(new Fleet.Tracked("app-1", "svc-1", "key-1", true, false)), Fleet.Builds.NONE);
        FleetRow r = rows.get(0);
        assertEquals(FleetState.OWNED, r.state());
        assertEquals("svc-1", r.serviceId());
        assertEquals("app-1", r.name());
        assertEquals("available", r.status());
        assertEquals(2, r.instances());
        assertEquals("f-4090", r.flavorId());
        assertEquals("NVIDIA_GeForce_RTX_4090", r.flavorName());
        assertEquals("other", r.region());
        assertEquals(new BigDecimal("1.0"), r.pricePerHour(), "two instances at 0.5 USD");
        assertEquals("usd", r.paymentType());
        assertEquals(Instant.parse("2026-12-01T11:30:00Z"), r.createdAt());
        assertEquals(LATER.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), r.expires());
        assertEquals("team/my app #7", r.owner());
        assertEquals(ME, r.controllerId());
        assertEquals("key-1", r.buildKey());
        assertEquals(Duration.ofMinutes(30), r.age(NOW));
        assertEquals(new BigDecimal("0.5000"), r.costSoFar(NOW));
        assertNull(Fleet.reason(r), "the sweep keeps it");
    }

    @Test
    void parkedRecordIsParked() {
        Service s = service("svc-1", "app-1", mine("team/app #7", LATER), 1, null);
        assertEquals(
                FleetState.PARKED,
                stateOf(s, List.of(new Fleet.Tracked("app-1", "svc-1", "key-1", false, true)), Fleet.Builds.NONE));
    }

    @Test
    void pastItsExpiryIsExpiredEvenWhileItsBuildRuns() {
        Service s = service("svc-1", "app-1", mine("team/app #7", EARLIER), 1, null);
        List<FleetRow> rows = classify(
                List.of(s), List.of(new Fleet.Tracked("app-1", "svc-1", "key-1", true, false)), (j, n) -> true);
        assertEquals(FleetState.EXPIRED, rows.get(0).state());
        assertEquals(
                "its maximum lifetime ran out at 2026-12-01T11:59:00Z (owner team/app #7)", Fleet.reason(rows.get(0)));
        assertEquals(
                FleetState.EXPIRED,
                stateOf(s, List.of(new Fleet.Tracked("app-1", "svc-1", "key-1", false, true)), Fleet.Builds.NONE),
                "a parked endpoint past its expiry goes too");
    }

    @Test
    void theExpiryIsComparedWithThisControllersClockNotNetMinds() {
        // NetMind's clock runs two hours ahead: its created_at is in the future. The expiry was written by this
        // controller's clock, so only that clock decides.
        Service s = service("svc-1", "app-1", mine("team/app #7", NOW.plusSeconds(1)), 1, "2026-12-01 14:00:00");
        FleetRow r = classify(
                        List.of(s), List.of(new Fleet.Tracked("app-1", "svc-1", "k", true, false)), Fleet.Builds.NONE)
                .get(0);
        assertEquals(FleetState.OWNED, r.state());
        assertEquals(Duration.ZERO, r.age(NOW), "a creation time ahead of us is no negative age");
        assertEquals(new BigDecimal("0.0000"), r.costSoFar(NOW));
        assertEquals(
                FleetState.EXPIRED,
                Fleet.classify(List.of(s), FLAVORS, List.of(), ME, Fleet.Builds.NONE, NOW.plusSeconds(1))
                        .get(0)
                        .state());
    }

    @Test
    void trackedButItsBuildEndedIsAnOrphan() {
        Service s = service("svc-1", "app-1", mine("team/app #7", LATER), 1, null);
        FleetRow r = classify(
                        List.of(s), List.of(new Fleet.Tracked("app-1", "svc-1", "k", false, false)), (j, n) -> true)
                .get(0);
        assertEquals(FleetState.ORPHAN, r.state());
        assertEquals(
                "orphan: its owning build team/app #7 has ended and the endpoint was not deleted", Fleet.reason(r));
    }

    @Test
    void untrackedIsOwnedWhileTheBuildItsMarkerNamesRunsElseAnOrphan() {
        Service s = service("svc-1", "app-1", mine("my folder/my job #12", LATER), 1, null);
        assertEquals(FleetState.OWNED, stateOf(s, List.of(), (job, n) -> job.equals("my folder/my job") && n == 12));
        FleetRow r = classify(List.of(s), List.of(), (job, n) -> job.equals("my folder/my job") && n == 11)
                .get(0);
        assertEquals(FleetState.ORPHAN, r.state());
        assertNull(r.buildKey());
        assertEquals(
                "orphan: its owning build my folder/my job #12 is not running and this controller's registry does not"
                        + " track it",
                Fleet.reason(r));
        Service noOwner =
                service("svc-2", "app-2", "managed-by=jenkins-netmind ctl=" + ME + " expires=" + LATER, 1, null);
        assertEquals(FleetState.ORPHAN, stateOf(noOwner, List.of(), (j, n) -> true), "no build named: none runs");
    }

    @Test
    void anotherControllersEndpointIsNeverOurs() {
        Service s = service("svc-1", "app-1", EndpointNames.description(OTHER, "team/app #7", EARLIER, "n"), 1, null);
        assertEquals(FleetState.OTHER_CONTROLLER, stateOf(s, List.of(), Fleet.Builds.NONE), "expired, but not ours");
        assertEquals(
                FleetState.OTHER_CONTROLLER,
                stateOf(s, List.of(new Fleet.Tracked("app-1", "svc-1", "k", false, false)), Fleet.Builds.NONE),
                "its marker names another controller: even a record here does not make it ours");
    }

    @Test
    void anOlderMarkerIsOursOnlyWhenTheRegistryTracksIt() {
        Service old = service(
                "svc-1", "app-1", "managed-by=jenkins-netmind owner=team/app_#7 expires=2026-12-01T11:00:00Z", 1, null);
        assertEquals(FleetState.OTHER_CONTROLLER, stateOf(old, List.of(), (j, n) -> false));
        assertEquals(
                FleetState.EXPIRED,
                stateOf(old, List.of(new Fleet.Tracked("app-1", "svc-1", "k", true, false)), Fleet.Builds.NONE));
    }

    @Test
    void noMarkerIsUnmanagedUnlessTheRegistryTracksIt() {
        Service bare = service("svc-1", "app-1", "test", 1, null);
        assertEquals(FleetState.UNMANAGED, stateOf(bare, List.of(), (j, n) -> false));
        FleetRow r = classify(List.of(bare), List.of(), Fleet.Builds.NONE).get(0);
        assertNull(r.owner());
        assertNull(r.controllerId());
        assertNull(r.expires());
        assertEquals(
                FleetState.ORPHAN,
                stateOf(bare, List.of(new Fleet.Tracked("app-1", "svc-1", "k", false, false)), Fleet.Builds.NONE),
                "a description edited by hand does not hide an endpoint this controller recorded");
    }

    @Test
    void aRecordWithoutServiceIdMatchesByNameAndNonce() {
        Service s = service("svc-9", "app-1", mine("team/app #7", LATER), 1, null);
        assertEquals(
                FleetState.OWNED,
                stateOf(s, List.of(new Fleet.Tracked("app-1", null, "k", true, false, "n0nce")), Fleet.Builds.NONE));
        assertEquals(
                FleetState.ORPHAN,
                stateOf(s, List.of(new Fleet.Tracked("app-1", null, "k", true, false, "other")), Fleet.Builds.NONE),
                "another deploy's record of the same name");
    }

    @Test
    void deletedServicesAreLeftOutAndRowsAreSortedByCreation() {
        Service gone = new Service(
                "svc-0",
                "gone",
                mine("a #1", EARLIER),
                null,
                "deleted",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                true,
                "usd");
        List<FleetRow> rows = classify(
                List.of(
                        service("svc-3", "c", "test", 1, null),
                        service("svc-2", "b", "test", 1, "2026-12-01 10:00:00"),
                        gone,
                        service("svc-1", "a", "test", 1, "2026-12-01T11:00:00Z"),
                        service("svc-4", "a", "test", 1, "2026-12-01 10:00:00")),
                List.of(),
                Fleet.Builds.NONE);
        assertEquals(
                "a/svc-4 b/svc-2 a/svc-1 c/svc-3",
                rows.stream().map(r -> r.name() + "/" + r.serviceId()).collect(Collectors.joining(" ")));
    }

    @Test
    void unknownFlavorOrCurrencyLeavesThePriceUnknown() {
        Service s = new Service(
                "svc-1",
                "x",
                "test",
                null,
                "initializing",
                null,
                new Service.ResourceMetadata("A100", "manual", "f-gone", 1, null, null, null),
                null,
                null,
                null,
                null,
                "garbage",
                null,
                null,
                false,
                "usd");
        FleetRow r = classify(List.of(s), List.of(), Fleet.Builds.NONE).get(0);
        assertNull(r.pricePerHour());
        assertNull(r.costSoFar(NOW));
        assertNull(r.createdAt());
        assertNull(r.age(NOW));
        assertEquals("A100", r.flavorName(), "NetMind's own display name when the flavor is not listed");
        assertNull(r.region());
    }

    @Test
    void everyStateHasALabel() {
        assertEquals(
                "owned, build running|parked (warm pool)|orphan|expired|other controller|unmanaged",
                java.util.Arrays.stream(FleetState.values())
                        .map(FleetState::label)
                        .collect(Collectors.joining("|")));
    }
}
