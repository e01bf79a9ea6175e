package io.jenkins.plugins.netmind.lifecycle;

import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.await;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.failure;
import static io.jenkins.plugins.netmind.lifecycle.VirtualSim.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.sim.Route;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A broken log or ledger on the caller's side never leaves an endpoint behind. */
class RobustnessTest {

    private final VirtualSim v = new VirtualSim();

    @AfterEach
    void close() {
        v.close();
    }

    /** A ledger whose writes fail for some states. */
    private static Ledger failingFor(InMemoryLedger inner, List<LedgerEntry.State> failing) {
        return new Ledger() {
            @Override
            public void put(LedgerEntry entry) {
                if (failing.contains(entry.state())) {
                    throw new IllegalStateException("disk full");
                }
                inner.put(entry);
            }

            @Override
            public Optional<LedgerEntry> get(String name) {
                return inner.get(name);
            }

            @Override
            public List<LedgerEntry> entries() {
                return inner.entries();
            }
        };
    }

    @Test
    void anIntentThatCannotBeRecordedIsNotCreated() throws Exception {
        Deployment d = v.engine.deploy(
                spec().build(), failingFor(new InMemoryLedger(), List.of(LedgerEntry.State.INTENT)), v.log);
        EndpointException e = failure(d.result());
        assertEquals(
                "Could not record endpoint " + d.name() + " in the ledger before creating it, so it was not created:"
                        + " disk full",
                e.getMessage());
        assertEquals(0, v.sim.requests(Route.CREATE).size());
    }

    @Test
    void failingLedgerWritesDoNotStopTheCleanup() throws Exception {
        v.sim.setReadyDelay(Duration.ofHours(2));
        InMemoryLedger inner = new InMemoryLedger();
        Ledger ledger = failingFor(inner, List.of(LedgerEntry.State.DELETING, LedgerEntry.State.DELETED));
        Deployment d = v.engine.deploy(spec().timeout(Duration.ofMinutes(5)).build(), ledger, v.log);

        assertEquals(EndpointException.Reason.TIMEOUT, failure(d.result()).reason());
        assertTrue(v.sim.liveServices().isEmpty());
        assertTrue(
                v.log.contains("Could not record endpoint " + d.name() + " as DELETED in the ledger: disk full"),
                v.log.toString());
    }

    @Test
    void aLogThatThrowsDoesNotStopTheLifecycle() throws Exception {
        LogSink broken = line -> {
            throw new IllegalStateException("build log closed");
        };
        DeployResult r = await(v.engine.deploy(spec().build(), v.ledger, broken).result());
        TeardownReport report = await(v.engine.teardown(List.of(r.serviceId()), v.ledger, broken));
        assertTrue(report.allGone());
        assertTrue(v.sim.liveServices().isEmpty());
    }

    @Test
    void aLedgerThatCannotBeReadStillGetsTheEndpointDeleted() throws Exception {
        v.sim.setReadyDelay(Duration.ofHours(2));
        InMemoryLedger inner = new InMemoryLedger();
        Ledger unreadable = new Ledger() {
            @Override
            public void put(LedgerEntry entry) {
                inner.put(entry);
            }

            @Override
            public Optional<LedgerEntry> get(String name) {
                throw new IllegalStateException("ledger file is corrupt");
            }

            @Override
            public List<LedgerEntry> entries() {
                throw new IllegalStateException("ledger file is corrupt");
            }
        };
        Deployment d = v.engine.deploy(spec().timeout(Duration.ofMinutes(5)).build(), unreadable, v.log);

        assertEquals(EndpointException.Reason.TIMEOUT, failure(d.result()).reason());
        await(d.cancel());
        assertTrue(v.sim.liveServices().isEmpty(), "deleted although the ledger could not be read");
        assertTrue(
                v.log.contains("Could not read endpoint " + d.name() + " from the ledger: ledger file is corrupt"),
                v.log.toString());

        v.sim.setReadyDelay(Duration.ZERO);
        DeployResult r = await(v.engine.deploy(spec().build(), inner, v.log).result());
        TeardownReport report = await(v.engine.teardown(List.of(r.serviceId()), unreadable, v.log));
        assertTrue(report.allGone(), report.toString());
        assertTrue(v.sim.liveServices().isEmpty());
    }
}
