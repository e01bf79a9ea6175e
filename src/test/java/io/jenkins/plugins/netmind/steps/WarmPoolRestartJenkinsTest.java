package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.steps.WarmPoolJenkinsTest.WARM;
import static io.jenkins.plugins.netmind.steps.WarmPoolJenkinsTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import io.jenkins.plugins.netmind.record.WarmRecords;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import io.jenkins.plugins.netmind.warm.WarmEndpoints;
import java.time.Instant;
import java.util.Set;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** Parked endpoints across a restart of the controller (issue 13): still known, reused or deleted by the rules. */
class WarmPoolRestartJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    /** The simulator lives in this JVM across the restarts; one per test. */
    private NetMindSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = NetMindSimulator.start();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    /** Session one: a build parks its endpoint; returns nothing, the simulator holds it. */
    private static WorkflowRun parkOne(JenkinsRule j, NetMindSimulator sim) throws Exception {
        NetMindJenkinsFixture.useSimulator(sim);
        NetMindGlobalConfiguration.get().setMaxKeepWarmMinutes(60);
        WorkflowJob p = j.createProject(WorkflowJob.class, "warm");
        p.setDefinition(new CpsFlowDefinition(
                "def ep = netmindDeploy(" + WARM + ")\n" + "echo \"id=${ep.serviceId}\"\n", true));
        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        j.assertLogContains("Keeping endpoint", b);
        assertEquals(1, EndpointRegistry.get().parked().size());
        return b;
    }

    @Test
    void parkedEndpointIsStillKnownAfterARestartAndReused() throws Throwable {
        sessions.then(j -> parkOne(j, sim));
        sessions.then(j -> {
            String id = NetMindJenkinsFixture.onlyService(sim);
            await(() -> WarmEndpoints.get().pool().isParked(id));
            assertEquals(id, EndpointRegistry.get().parked().get(0).getServiceId(), "still in the registry");
            assertEquals(Set.of(id), sim.liveServices(), "the startup sweep left the parked endpoint alone");
            sim.clearRequests();

            WorkflowJob p = j.jenkins.getItemByFullName("warm", WorkflowJob.class);
            WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

            j.assertLogContains("Reusing warm endpoint", b);
            j.assertLogContains("id=" + id, b);
            assertTrue(sim.requests(Route.CREATE).isEmpty(), "nothing created after the restart");
        });
    }

    @Test
    void endpointWhoseIdleTimeRanOutDuringTheRestartIsDeletedAtStartup() throws Throwable {
        sessions.then(j -> {
            parkOne(j, sim);
            // the controller stays down past the idle deadline: as if parked long ago
            RecordedEndpoint pooled = EndpointRegistry.get().parked().get(0);
            Instant past = Instant.now().minusSeconds(60);
            EndpointRegistry.get().move(pooled, pooled.parkedInPool(past.minusSeconds(600), past));
        });
        sessions.then(j -> {
            await(() -> sim.liveServices().isEmpty());
            await(() -> EndpointRegistry.get().getEndpoints().isEmpty());
            assertEquals(1, sim.allServices().size());
        });
    }

    @Test
    void endpointLeasedToABuildThatNoLongerRunsIsDeletedAtStartup() throws Throwable {
        sessions.then(j -> {
            WorkflowRun first = parkOne(j, sim);
            // a lease whose build then ends without the controller (the lease is unclear): the build's record holds it
            RecordedEndpoint pooled = EndpointRegistry.get().parked().get(0);
            assertTrue(WarmRecords.takeOver(first, pooled, Instant.now(), pooled.getWarmKey(), 30, false));
            assertTrue(EndpointRegistry.get().parked().isEmpty());
        });
        sessions.then(j -> {
            await(() -> sim.liveServices().isEmpty());
            await(() -> EndpointRegistry.get().getEndpoints().isEmpty());
            assertTrue(WarmEndpoints.get().pool().parked().isEmpty());
        });
    }
}
