package io.jenkins.plugins.netmind.lifecycle;

import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.await;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.client.CreateServiceRequest;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.RecordedRequest;
import io.jenkins.plugins.netmind.sim.Route;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Teardown: confirmed deletion, parallelism, idempotence, retries, cost, and the safety net. */
class TeardownTest {

    private final VirtualSim v = new VirtualSim();

    @AfterEach
    void close() {
        v.close();
    }

    private List<DeployResult> deploy(int n, DeploySpec.Builder spec) throws Exception {
        List<DeployResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(await(v.engine.deploy(spec.build(), v.ledger, v.log).result()));
        }
        return results;
    }

    @ParameterizedTest
    @EnumSource(NetMindSimulator.DeleteMode.class)
    void deletesInParallelAndConfirmsGone(NetMindSimulator.DeleteMode mode) throws Exception {
        v.sim.setDeleteMode(mode);
        List<DeployResult> results = deploy(3, spec());
        List<String> ids = results.stream().map(DeployResult::serviceId).toList();
        v.sim.clearRequests();
        v.sim.faults().on(Route.DELETE).call(1).latency(Duration.ofMillis(300));

        TeardownReport report = await(v.engine.teardown(ids, v.ledger, v.log));

        assertTrue(report.allGone(), report.toString());
        assertEquals(
                List.of(TeardownReport.Outcome.DELETED, TeardownReport.Outcome.DELETED, TeardownReport.Outcome.DELETED),
                report.items().stream().map(TeardownReport.Item::outcome).toList());
        assertTrue(v.sim.liveServices().isEmpty());
        List<RecordedRequest> requests = v.sim.requests();
        String firstPath = requests.stream()
                .filter(q -> q.route() == Route.DELETE)
                .findFirst()
                .orElseThrow()
                .path();
        int firstConfirm = -1;
        int deletes = 0;
        for (int i = 0; i < requests.size() && firstConfirm < 0; i++) {
            if (requests.get(i).route() == Route.DELETE) {
                deletes++;
            } else if (requests.get(i).route() == Route.GET
                    && requests.get(i).path().equals(firstPath)) {
                firstConfirm = i;
            }
        }
        assertEquals(
                3,
                deletes,
                "the first endpoint's DELETE was slow, yet all three went out before it was confirmed: " + requests);
        for (DeployResult r : results) {
            assertEquals(
                    LedgerEntry.State.DELETED,
                    v.ledger.get(r.name()).orElseThrow().state());
            assertTrue(
                    v.log.contains("Deleted endpoint " + r.name() + " (" + r.serviceId() + ") after "),
                    v.log.toString());
        }
    }

    @Test
    void reportsLifetimeAndEstimatedCostInThePaymentCurrency() throws Exception {
        DeployResult r = deploy(1, spec().instances(2).paymentType("cny")).get(0);
        v.clock.advance(Duration.ofMinutes(90));

        TeardownReport.Item item = await(v.engine.teardown(List.of(r.serviceId()), v.ledger, v.log))
                .items()
                .get(0);

        assertTrue(item.lifetime().compareTo(Duration.ofMinutes(90)) >= 0, item.toString());
        assertTrue(item.lifetime().compareTo(Duration.ofMinutes(91)) < 0, item.toString());
        BigDecimal hours = BigDecimal.valueOf(item.lifetime().toMillis())
                .divide(BigDecimal.valueOf(3_600_000L), 8, RoundingMode.HALF_UP);
        BigDecimal expected = new BigDecimal("2.2")
                .multiply(BigDecimal.valueOf(2))
                .multiply(hours)
                .setScale(4, RoundingMode.HALF_UP);
        assertEquals(expected, item.estimatedCost());
        assertEquals("cny", item.paymentType());
        assertTrue(
                v.log.contains("after 1h 30m: estimated cost "
                        + expected.stripTrailingZeros().toPlainString() + " CNY"),
                v.log.toString());
    }

    @Test
    void unknownOrAlreadyDeletedIdCountsAsSuccess() throws Exception {
        DeployResult r = deploy(1, spec()).get(0);
        TeardownReport first = await(v.engine.teardown(List.of(r.serviceId()), v.ledger, v.log));
        assertTrue(first.allGone());

        TeardownReport again = await(v.engine.teardown(List.of(r.serviceId(), "no-such-id"), v.ledger, v.log));

        assertTrue(again.allGone(), again.toString());
        assertEquals(TeardownReport.Outcome.ALREADY_GONE, again.items().get(0).outcome());
        assertEquals(TeardownReport.Outcome.ALREADY_GONE, again.items().get(1).outcome());
        assertTrue(v.log.contains("Endpoint no-such-id (no-such-id) was already gone"), v.log.toString());
    }

    @Test
    void transientDeleteFailuresAreRetried() throws Exception {
        DeployResult r = deploy(1, spec()).get(0);
        v.sim.faults().on(Route.DELETE).calls(1, 4).respond(503);

        TeardownReport report = await(v.engine.teardown(List.of(r.serviceId()), v.ledger, v.log));

        assertTrue(report.allGone(), report.toString());
        assertTrue(v.sim.requests(Route.DELETE).size() >= 5);
        assertTrue(v.sim.liveServices().isEmpty());
    }

    @Test
    void aRefusedDeleteIsReportedAndTheLedgerKeepsTheEntry() throws Exception {
        DeployResult r = deploy(1, spec()).get(0);
        v.sim.faults().on(Route.DELETE).always().respond(403, "{\"message\":\"Invalid API key\"}");

        TeardownReport report = await(v.engine.teardown(List.of(r.serviceId()), v.ledger, v.log));

        assertEquals(1, report.failures().size());
        TeardownReport.Item item = report.failures().get(0);
        assertTrue(item.message().contains("403"), item.message());
        assertEquals(
                LedgerEntry.State.DELETING, v.ledger.get(r.name()).orElseThrow().state());
        assertTrue(v.log.contains("Could not delete endpoint " + r.name()), v.log.toString());
    }

    @Test
    void teardownAllFindsEntriesWithoutIdByName() throws Exception {
        DeployResult r = deploy(1, spec()).get(0);
        Instant now = v.clock.instant();
        InMemoryLedger other = new InMemoryLedger();
        other.put(new LedgerEntry(
                r.name(), null, LedgerEntry.State.UNKNOWN, now, r.flavorId(), 1, r.pricePerHour(), "usd", null));
        other.put(new LedgerEntry(
                "never-created",
                null,
                LedgerEntry.State.UNKNOWN, // its outcome became unknown 11 minutes ago: past the 10-minute grace
                now.minus(Duration.ofMinutes(11)),
                r.flavorId(),
                1,
                null,
                "usd",
                null));
        other.put(new LedgerEntry("done", "x", LedgerEntry.State.DELETED, now, r.flavorId(), 1, null, "usd", now));

        TeardownReport report = await(v.engine.teardownAll(other, v.log));

        assertEquals(2, report.items().size(), report.toString());
        assertEquals(TeardownReport.Outcome.DELETED, report.items().get(0).outcome());
        assertEquals(r.serviceId(), report.items().get(0).serviceId());
        assertEquals(TeardownReport.Outcome.NOT_CREATED, report.items().get(1).outcome());
        assertTrue(v.sim.liveServices().isEmpty());
        assertTrue(other.live().isEmpty(), other.toString());
    }

    @Test
    void teardownAllWithoutListRouteSaysItCannotTell() throws Exception {
        v.sim.setListMode(NetMindSimulator.ListMode.METHOD_NOT_ALLOWED);
        InMemoryLedger other = new InMemoryLedger();
        other.put(new LedgerEntry(
                "lost-one", null, LedgerEntry.State.INTENT, v.clock.instant(), "f", 1, null, "usd", null));

        TeardownReport report = await(v.engine.teardownAll(other, v.log));

        TeardownReport.Item item = report.failures().get(0);
        assertNull(item.serviceId());
        assertTrue(item.message().startsWith("Cannot tell whether endpoint lost-one exists"), item.message());
        assertEquals(
                LedgerEntry.State.UNKNOWN, other.get("lost-one").orElseThrow().state());
    }

    @Test
    void severalServicesWithTheNameAreAllDeletedAndOneThatMayRemainStaysInTheLedger() throws Exception {
        String first = await(v.client.createService(request("twice"))).serviceId();
        String second = await(v.client.createService(request("twice"))).serviceId();
        InMemoryLedger other = new InMemoryLedger();
        other.put(new LedgerEntry(
                "twice", null, LedgerEntry.State.UNKNOWN, v.clock.instant(), "f", 1, null, "usd", null));
        v.sim.faults().on(Route.DELETE).call(1).respond(403, "{\"message\":\"Invalid API key\"}");

        TeardownReport report = await(v.engine.teardownAll(other, v.log));

        assertEquals(1, report.failures().size(), report.toString());
        assertEquals(1, v.sim.liveServices().size());
        String left = v.sim.liveServices().iterator().next();
        assertTrue(List.of(first, second).contains(left));
        LedgerEntry entry = other.get("twice").orElseThrow();
        assertEquals(LedgerEntry.State.DELETING, entry.state(), other.toString());
        assertEquals(left, entry.serviceId(), "the ledger points at the one that is left");

        assertTrue(await(v.engine.teardownAll(other, v.log)).allGone());
        assertTrue(v.sim.liveServices().isEmpty());
    }

    @Test
    void aConfirmationThatNeverComesSaysWhatFailed() throws Exception {
        DeployResult r = deploy(1, spec()).get(0);
        v.sim.faults().on(Route.GET).always().respond(503);

        TeardownReport report = await(v.engine.teardown(List.of(r.serviceId()), v.ledger, v.log));

        String message = report.failures().get(0).message();
        assertTrue(
                message.startsWith("Could not confirm within 10m 00s that endpoint " + r.name() + " (" + r.serviceId()
                        + ") is gone after the delete: "),
                message);
        assertTrue(message.contains("503") && message.endsWith("It stays in the ledger."), message);
        assertEquals(
                LedgerEntry.State.DELETING, v.ledger.get(r.name()).orElseThrow().state());
    }

    @Test
    void aTeardownRacingTheSafetyNetDeletesOnceAndBothSeeItGone() throws Exception {
        List<DeployResult> results = deploy(3, spec());
        List<String> ids = results.stream().map(DeployResult::serviceId).toList();
        v.sim.faults().on(Route.DELETE).calls(1, 3).latency(Duration.ofMillis(200));

        var step = v.engine.teardown(ids, v.ledger, v.log);
        var safetyNet = v.engine.teardownAll(v.ledger, v.log);

        assertTrue(await(step).allGone(), step.toString());
        assertTrue(await(safetyNet).allGone(), safetyNet.toString());
        assertTrue(v.sim.liveServices().isEmpty());
        assertTrue(v.ledger.live().isEmpty(), v.ledger.toString());
    }

    @Test
    void aDeleteAcceptedAtTheDeadlineIsStillConfirmed() throws Exception {
        DeployResult r = deploy(1, spec()).get(0);
        EndpointEngine hurried = EndpointEngine.builder(v.client)
                .scheduler(v.scheduler)
                .clock(v.clock)
                .teardownTimeout(Duration.ofSeconds(1))
                .build();
        // the client retries the DELETE after the Retry-After on the virtual clock: accepted after the timeout
        v.sim.faults().on(Route.DELETE).call(1).respond429(5);

        TeardownReport report = await(hurried.teardown(List.of(r.serviceId()), v.ledger, v.log));

        assertTrue(report.allGone(), report.toString());
        assertEquals(TeardownReport.Outcome.DELETED, report.items().get(0).outcome());
        assertEquals(
                LedgerEntry.State.DELETED, v.ledger.get(r.name()).orElseThrow().state());
    }

    @Test
    void aDeleteWhoseAnswerWasLostIsSentAgainAndAnAlreadyGoneAnswerCountsAsDone() throws Exception {
        DeployResult r = deploy(1, spec()).get(0);
        v.sim.faults().on(Route.DELETE).call(1).handledButResponseLost();

        TeardownReport report = await(v.engine.teardown(List.of(r.serviceId()), v.ledger, v.log));

        assertTrue(report.allGone(), report.toString());
        assertEquals(TeardownReport.Outcome.ALREADY_GONE, report.items().get(0).outcome());
        assertEquals(2, v.sim.requests(Route.DELETE).size());
        assertTrue(v.sim.liveServices().isEmpty());
        assertEquals(
                LedgerEntry.State.DELETED, v.ledger.get(r.name()).orElseThrow().state());
    }

    private static CreateServiceRequest request(String name) {
        return new CreateServiceRequest(
                name,
                "x",
                "usd",
                CreateServiceRequest.Resources.manual("69475e82e81c4dd6be3467e2ca374e0c", 1),
                new CreateServiceRequest.Deployment("python:3.10-slim", null, 8080, 0));
    }
}
