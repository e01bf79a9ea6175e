package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Computer;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.sim.ManualClock;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A Pipeline that deploys outside any {@code node} occupies no executor while NetMind prepares the endpoint; the same
 * deploy inside {@code node} occupies the one it asked for, which shows that the count below sees executors at all.
 * The simulator runs on a hand-moved clock, so the endpoint stays "initializing" until the test moves it.
 */
@WithJenkins
class NoExecutorWhileWaitingJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule j;
    private ManualClock clock;
    private NetMindSimulator sim;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        clock = new ManualClock(Instant.now());
        sim = NetMindSimulator.builder()
                .clock(clock)
                .token("netmind-token-" + UUID.randomUUID())
                .start();
        sim.setReadyDelay(Duration.ofMinutes(10));
        NetMindJenkinsFixture.useSimulator(sim);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    /** Busy executors of every node (the built-in one included); a Pipeline's own flyweight task is not one. */
    private int busyExecutors() {
        int busy = 0;
        for (Computer c : j.jenkins.getComputers()) {
            busy += c.countBusy();
        }
        return busy;
    }

    private WorkflowRun startAndWaitUntilWaiting(String name, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("is initializing", b);
        return b;
    }

    @Test
    void aDeployOutsideANodeHoldsNoExecutorWhileItWaits() throws Exception {
        WorkflowRun b = startAndWaitUntilWaiting(
                "outside",
                "def ep = netmindDeploy(" + ENDPOINT + ")\necho \"ready: ${ep.url}\"\nnetmindTeardown(credentialsId: '"
                        + CREDENTIALS_ID + "')");

        assertTrue(b.isBuilding(), "still waiting");
        j.assertLogNotContains("ready: ", b);
        assertEquals(0, busyExecutors(), "executors busy while the deploy waits");

        clock.advance(Duration.ofMinutes(10));
        j.assertBuildStatusSuccess(j.waitForCompletion(b));

        j.assertLogContains("ready: ", b);
        assertEquals(0, busyExecutors());
        assertEquals(1, sim.allServices().size());
        assertEquals(Set.of(), sim.liveServices(), "nothing left on NetMind");
    }

    @Test
    void theSameDeployInsideANodeHoldsThatNodesExecutor() throws Exception {
        WorkflowRun b = startAndWaitUntilWaiting(
                "inside",
                "node { netmindDeploy(" + ENDPOINT + ") }\nnetmindTeardown(credentialsId: '" + CREDENTIALS_ID + "')");

        assertEquals(1, busyExecutors(), "the node block's executor");

        clock.advance(Duration.ofMinutes(10));
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        assertEquals(Set.of(), sim.liveServices());
    }
}
