package io.jenkins.plugins.netmind.lifecycle;

import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.await;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.failure;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.RecordedRequest;
import io.jenkins.plugins.netmind.sim.Route;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deploys against the simulator on a virtual clock: what the user reads, what NetMind is asked, what is left. */
class DeployTest {

    private final VirtualSim v = new VirtualSim();

    @AfterEach
    void close() {
        v.close();
    }

    @Test
    void fifteenMinuteWaitIsCheapQuietAndDetectedPromptly() throws Exception {
        v.sim.setReadyDelay(Duration.ofMinutes(15));
        Deployment d = v.engine.deploy(spec().build(), v.ledger, v.log);
        DeployResult r = await(d.result());

        String id = r.serviceId();
        assertEquals(v.sim.endpointUrl(id), r.url());
        assertEquals("url", r.urlKey());
        assertEquals("NVIDIA_GeForce_RTX_4090", r.flavorName());
        assertEquals(0, new BigDecimal("0.3").compareTo(r.pricePerHour()));
        assertEquals("usd", r.paymentType());
        int gets = v.sim.statusGets(id);
        assertTrue(gets <= 100, "status calls for a 15-minute wait: " + gets);
        assertTrue(gets >= 50, "status calls: " + gets);
        Instant availableAt = v.sim.availableAt(id).orElseThrow();
        Duration detection = Duration.between(availableAt, r.availableAt());
        assertTrue(detection.compareTo(Duration.ofSeconds(45)) <= 0, "detection delay " + detection);

        List<String> lines = v.log.lines();
        assertTrue(
                lines.get(0)
                        .matches(
                                "Creating NetMind endpoint team-app-7-[a-z0-9]{6}: NVIDIA_GeForce_RTX_4090 in region cn,"
                                        + " 1 instance\\(s\\), image python:3.10-slim, 0.30 USD per hour"),
                lines.get(0));
        assertTrue(v.log.contains("created: service id " + id), v.log.toString());
        assertEquals(1, v.log.count("is initializing"), v.log.toString());
        long heartbeats = v.log.count("Still waiting for endpoint");
        assertTrue(heartbeats >= 12 && heartbeats <= 16, "heartbeats: " + heartbeats + "\n" + v.log);
        assertTrue(v.log.contains("is available after 15m"), v.log.toString());
        assertTrue(v.log.contains("is available after 15m") && v.log.contains(": " + r.url()), v.log.toString());
        assertTrue(!v.log.contains("endpoint_metadata"), "no JSON key in the log: " + v.log);
        assertTrue(lines.size() < 25, "no line per poll:\n" + v.log);

        LedgerEntry entry = v.ledger.get(r.name()).orElseThrow();
        assertEquals(LedgerEntry.State.CREATED, entry.state());
        assertEquals(id, entry.serviceId());
        assertEquals(d.serviceId().orElseThrow(), id);
        assertEquals(id, d.resumeState().serviceId());
    }

    @Test
    void createCarriesOwnershipMarkerAndExpiry() throws Exception {
        DeployResult r = await(v.engine
                .deploy(spec().name("my-endpoint").build(), v.ledger, v.log)
                .result());
        assertEquals("my-endpoint", r.name());
        RecordedRequest create = v.sim.requests(Route.CREATE).get(0);
        String description = create.json().get("description").asText();
        assertTrue(description.startsWith("managed-by=jenkins-netmind owner=team/app%20#7 expires="), description);
        Instant expiry = EndpointNames.expiry(description).orElseThrow();
        assertEquals(Duration.ofHours(24), Duration.between(create.at(), expiry).withNanos(0));
        assertEquals("my-endpoint", create.json().get("name").asText());
        assertEquals(
                1, create.json().at("/resource_metadata/target_instance_number").asInt());
    }

    @Test
    void ledgerRecordsIntentBeforeCreateIsSent() throws Exception {
        InMemoryLedger inner = new InMemoryLedger();
        Ledger spying = new Ledger() {
            @Override
            public void put(LedgerEntry entry) {
                if (entry.state() == LedgerEntry.State.INTENT) {
                    assertEquals(0, v.sim.requests(Route.CREATE).size(), "intent recorded after create was sent");
                }
                inner.put(entry);
            }

            @Override
            public java.util.Optional<LedgerEntry> get(String name) {
                return inner.get(name);
            }

            @Override
            public List<LedgerEntry> entries() {
                return inner.entries();
            }
        };
        DeployResult r = await(v.engine.deploy(spec().build(), spying, v.log).result());
        assertEquals(
                LedgerEntry.State.CREATED, spying.get(r.name()).orElseThrow().state());
    }

    @Test
    void regionAndCapacityChooseTheFlavor() throws Exception {
        DeployResult other = await(
                v.engine.deploy(spec().region("other").build(), v.ledger, v.log).result());
        assertEquals("7b2f36d30e0743debc6c60d5017e2d16", other.flavorId());
        DeployResult byId = await(v.engine
                .deploy(
                        spec().gpu(null)
                                .flavorId("a100a100a100a100a100a100a100a100")
                                .instances(2)
                                .build(),
                        v.ledger,
                        v.log)
                .result());
        assertEquals("NVIDIA_A100_80GB", byId.flavorName());
        assertEquals(2, byId.instances());
    }

    @Test
    void noFlavorFitsListsWhatExists() throws Exception {
        EndpointException e = failure(v.engine
                .deploy(spec().gpu("NVIDIA_H100_80GB").build(), v.ledger, v.log)
                .result());
        assertEquals(EndpointException.Reason.NO_FLAVOR, e.reason());
        assertTrue(
                e.getMessage().startsWith("No NetMind flavor NVIDIA_H100_80GB has room for 1 instance(s)."),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("NVIDIA_A100_80GB [other] 2 free, 8 GPU(s) per node, 1.30 USD per instance-hour"),
                e.getMessage());
        assertTrue(e.getMessage().contains("NVIDIA_H100_80GB [other] 0 free"), e.getMessage());
        assertEquals(0, v.sim.requests(Route.CREATE).size());

        EndpointException tooMany = failure(
                v.engine.deploy(spec().instances(5).build(), v.ledger, v.log).result());
        assertTrue(tooMany.getMessage().contains("has room for 5 instance(s)"), tooMany.getMessage());

        EndpointException gpus = failure(
                v.engine.deploy(spec().gpuCount(4).build(), v.ledger, v.log).result());
        assertTrue(
                gpus.getMessage()
                        .startsWith("No NetMind flavor NVIDIA_GeForce_RTX_4090 has room for 1 instance(s) with 4"
                                + " GPU(s) each."),
                gpus.getMessage());
        assertEquals(0, v.sim.requests(Route.CREATE).size());
    }

    @Test
    void terminalStatusFailsAtOnceWithStatusInfoAndDeletesTheEndpoint() throws Exception {
        v.sim.setReadyDelay(Duration.ofMinutes(5));
        v.sim.faults().on(Route.GET).call(3).terminalFailure("image pull failed: python:3.10-slim");
        Deployment d = v.engine.deploy(spec().build(), v.ledger, v.log);
        EndpointException e = failure(d.result());
        assertEquals(EndpointException.Reason.ENDPOINT_FAILED, e.reason());
        assertTrue(
                e.getMessage().contains("failed with status failed: image pull failed: python:3.10-slim"),
                e.getMessage());
        assertEquals(3, v.sim.statusGets(d.serviceId().orElseThrow()) - 1, "failed at the first terminal answer");
        assertEquals(List.of(), List.copyOf(v.sim.liveServices()));
        assertEquals(
                LedgerEntry.State.DELETED, v.ledger.get(d.name()).orElseThrow().state());
        assertTrue(v.log.contains("Deleting endpoint " + d.name() + " after a failure"), v.log.toString());
    }

    @Test
    void deadlineEndsTheWaitAndDeletesTheEndpoint() throws Exception {
        v.sim.setReadyDelay(Duration.ofMinutes(40));
        Deployment d = v.engine.deploy(spec().timeout(Duration.ofMinutes(10)).build(), v.ledger, v.log);
        EndpointException e = failure(d.result());
        assertEquals(EndpointException.Reason.TIMEOUT, e.reason());
        assertEquals(
                "Endpoint " + d.name() + " was not available within 10m 00s (last seen: initializing).",
                e.getMessage());
        assertTrue(v.sim.liveServices().isEmpty());
        assertEquals(
                LedgerEntry.State.DELETED, v.ledger.get(d.name()).orElseThrow().state());
    }

    @Test
    void readinessProbeWaitsForTwoHundredWithoutTheToken() throws Exception {
        v.sim.setReadyDelay(Duration.ofMinutes(2));
        v.sim.setEndpointReadyLag(Duration.ofMinutes(3));
        DeployResult r = await(v.engine
                .deploy(spec().readinessPath("/health").build(), v.ledger, v.log)
                .result());
        List<RecordedRequest> probes = v.sim.requests(Route.ENDPOINT);
        assertTrue(probes.size() > 1, "probed until ready: " + probes);
        assertTrue(probes.stream()
                .allMatch(p -> p.path().endsWith("/health")
                        && p.header("Authorization").isEmpty()));
        assertTrue(v.log.contains("answered 503"), v.log.toString());
        assertTrue(
                v.log.contains("is ready: " + v.sim.endpointUrl(r.serviceId()) + "health answered 200"),
                v.log.toString());
    }

    @Test
    void readinessProbeSendsTheTokenOnlyWhenAsked() throws Exception {
        await(v.engine
                .deploy(
                        spec().readinessPath("/health")
                                .sendTokenToEndpoint(true)
                                .build(),
                        v.ledger,
                        v.log)
                .result());
        assertTrue(v.sim.requests(Route.ENDPOINT).get(0).tokenValid());
    }

    @Test
    void retryAfterIsHonouredWhileWaiting() throws Exception {
        v.sim.setReadyDelay(Duration.ofMinutes(1));
        v.sim.faults().on(Route.GET).calls(2, 4).respond429(20);
        await(v.engine.deploy(spec().build(), v.ledger, v.log).result());
        assertTrue(
                v.scheduler.delays().stream()
                                .filter(d -> d.equals(Duration.ofSeconds(20)))
                                .count()
                        >= 1,
                "delays: " + v.scheduler.delays());
    }

    @Test
    void lostCreateAnswerIsFoundByNameWithoutDuplicate() throws Exception {
        v.sim.faults().on(Route.CREATE).call(1).createdButResponseLost();
        DeployResult r = await(v.engine.deploy(spec().build(), v.ledger, v.log).result());
        assertEquals(1, v.sim.allServices().size());
        assertTrue(v.log.contains("was lost; looking for it by name"), v.log.toString());
        assertTrue(
                v.log.contains("Found endpoint " + r.name() + " by name: service id " + r.serviceId()),
                v.log.toString());
    }

    @Test
    void lostCreateAnswerWithoutListRouteLeavesUnknownForASweep() throws Exception {
        v.sim.setListMode(NetMindSimulator.ListMode.NOT_FOUND);
        v.sim.faults().on(Route.CREATE).call(1).createdButResponseLost();
        Deployment d = v.engine.deploy(spec().build(), v.ledger, v.log);
        EndpointException e = failure(d.result());
        assertEquals(EndpointException.Reason.OUTCOME_UNKNOWN, e.reason());
        assertTrue(e.getMessage().contains("Check the NetMind console"), e.getMessage());
        assertEquals(
                LedgerEntry.State.UNKNOWN, v.ledger.get(d.name()).orElseThrow().state());
        assertTrue(v.log.contains("stays in the ledger as UNKNOWN for a later sweep"), v.log.toString());
    }

    @Test
    void rejectedCreateLeavesNothingAndSaysWhy() throws Exception {
        v.sim.faults().on(Route.CREATE).call(1).respond(400, "{\"message\":\"image not allowed\"}");
        Deployment d = v.engine.deploy(spec().build(), v.ledger, v.log);
        EndpointException e = failure(d.result());
        assertTrue(e.getMessage().startsWith("Could not create endpoint " + d.name() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("image not allowed"), e.getMessage());
        assertEquals(
                LedgerEntry.State.DELETED, v.ledger.get(d.name()).orElseThrow().state());
        assertTrue(v.sim.allServices().isEmpty());
    }

    @Test
    void endpointVanishingWhileWaitingFails() throws Exception {
        v.sim.setReadyDelay(Duration.ofMinutes(5));
        v.sim.setDeleteMode(NetMindSimulator.DeleteMode.NOT_FOUND);
        v.sim.faults().on(Route.GET).call(2).respond(404);
        Deployment d = v.engine.deploy(spec().build(), v.ledger, v.log);
        EndpointException e = failure(d.result());
        assertTrue(e.getMessage().contains("disappeared from NetMind"), e.getMessage());
        assertTrue(v.sim.liveServices().isEmpty(), "deleted anyway: " + v.sim.liveServices());
    }

    @Test
    void aNameStillInTheLedgerIsRefusedInsteadOfOverwritingItsRecord() throws Exception {
        DeployResult first = await(
                v.engine.deploy(spec().name("fixed").build(), v.ledger, v.log).result());

        EndpointException e = failure(
                v.engine.deploy(spec().name("fixed").build(), v.ledger, v.log).result());

        assertEquals(EndpointException.Reason.INVALID_SPEC, e.reason());
        assertEquals(
                "The ledger already holds endpoint fixed (service id " + first.serviceId() + ", CREATED) and NetMind"
                        + " has not confirmed it deleted; tear it down first or choose another name.",
                e.getMessage());
        assertEquals(1, v.sim.requests(Route.CREATE).size());
        LedgerEntry entry = v.ledger.get("fixed").orElseThrow();
        assertEquals(first.serviceId(), entry.serviceId(), "the first endpoint keeps its record");
        assertEquals(LedgerEntry.State.CREATED, entry.state());

        await(v.engine.teardown(List.of(first.serviceId()), v.ledger, v.log));
        DeployResult again = await(
                v.engine.deploy(spec().name("fixed").build(), v.ledger, v.log).result());
        assertEquals("fixed", again.name());
    }
}
