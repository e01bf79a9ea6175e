package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.time.Duration;
import java.util.Set;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A restart of Jenkins while a step waits for NetMind: the wait resumes and nothing is left behind. */
class NetmindStepsRestartJenkinsTest {

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

    @Test
    void deployWaitSurvivesARestart() throws Throwable {
        sim.setReadyDelay(Duration.ofSeconds(20));
        sessions.then(j -> {
            NetMindJenkinsFixture.useSimulator(sim);
            WorkflowJob p = j.createProject(WorkflowJob.class, "restart");
            p.setDefinition(new CpsFlowDefinition(
                    "def ep = netmindDeploy(" + ENDPOINT + ")\n"
                            + "echo \"resumed with ${ep.serviceId}\"\n"
                            + "netmindTeardown(credentialsId: '" + CREDENTIALS_ID + "')\n",
                    true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("created: service id", b);
        });
        sessions.then(j -> {
            WorkflowJob p = j.jenkins.getItemByFullName("restart", WorkflowJob.class);
            WorkflowRun b = p.getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            String id = sim.allServices().iterator().next();
            j.assertLogContains("Resuming the wait for endpoint", b);
            j.assertLogContains("resumed with " + id, b);
            assertEquals(1, sim.allServices().size(), "no second endpoint after the restart");
            assertEquals(Set.of(), sim.liveServices());
        });
    }

    @Test
    void blockBodySurvivesARestartAndStillDeletesTheEndpoint() throws Throwable {
        sessions.then(j -> {
            NetMindJenkinsFixture.useSimulator(sim);
            WorkflowJob p = j.createProject(WorkflowJob.class, "block");
            p.setDefinition(new CpsFlowDefinition(
                    "withNetmindEndpoint(" + ENDPOINT + ") {\n"
                            + "  semaphore 'inside'\n"
                            + "  echo \"still ${env.NETMIND_SERVICE_ID}\"\n"
                            + "}\n",
                    true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            SemaphoreStep.waitForStart("inside/1", b);
        });
        sessions.then(j -> {
            WorkflowJob p = j.jenkins.getItemByFullName("block", WorkflowJob.class);
            WorkflowRun b = p.getBuildByNumber(1);
            SemaphoreStep.success("inside/1", null);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            String id = sim.allServices().iterator().next();
            j.assertLogContains("still " + id, b);
            assertEquals(Set.of(), sim.liveServices());
        });
    }

    // A restart at each point where the step's state and Pipeline's differ: the program is saved there and the
    // controller goes down before the step's next move (NetMindExecution.stopForTestsAt stops the execution there).

    @Test
    void aDeployWhoseEndpointBecameAvailableJustBeforeARestartStillReturnsIt() throws Throwable {
        sessions.then(j -> {
            NetMindJenkinsFixture.useSimulator(sim);
            WorkflowRun b = startStoppingAt(
                    j,
                    "available",
                    "def ep = netmindDeploy(" + ENDPOINT + ")\n"
                            + "echo \"returned ${ep.serviceId}\"\n"
                            + "echo \"deleted ${netmindTeardown()}\"\n");
            j.assertLogNotContains("returned", b);
        });
        sessions.then(j -> {
            WorkflowRun b = build(j);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("returned " + NetMindJenkinsFixture.onlyService(sim), b);
            j.assertLogContains("deleted 1", b);
            assertEquals(Set.of(), sim.liveServices());
        });
    }

    @Test
    void aBlockWhoseEndpointBecameAvailableJustBeforeARestartStillRuns() throws Throwable {
        sessions.then(j -> {
            NetMindJenkinsFixture.useSimulator(sim);
            startStoppingAt(
                    j,
                    "available",
                    "withNetmindEndpoint(" + ENDPOINT + ") {\n  echo \"inside ${env.NETMIND_SERVICE_ID}\"\n}\n");
        });
        sessions.then(j -> {
            WorkflowRun b = build(j);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("inside " + NetMindJenkinsFixture.onlyService(sim), b);
            assertEquals(Set.of(), sim.liveServices());
        });
    }

    @Test
    void anAbortInProgressAtARestartIsCarriedOut() throws Throwable {
        sim.setReadyDelay(Duration.ofMinutes(10));
        sessions.then(j -> {
            NetMindJenkinsFixture.useSimulator(sim);
            WorkflowJob p = j.createProject(WorkflowJob.class, "points");
            p.setDefinition(new CpsFlowDefinition("netmindDeploy(" + ENDPOINT + ")\necho 'deployed'\n", true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("created: service id", b);
            NetMindExecution.stopForTestsAt = "stopping";
            b.doStop();
            awaitPoint("stopping");
            assertEquals(1, sim.liveServices().size(), "the endpoint is still up when the controller goes down");
        });
        sessions.then(j -> {
            WorkflowRun b = build(j);
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
            j.assertLogNotContains("deployed", b);
            assertEquals(Set.of(), sim.liveServices(), "the abort deleted the endpoint after the restart");
        });
    }

    @Test
    void anOutcomeNotYetTakenByThePipelineAtARestartIsDeliveredAgain() throws Throwable {
        sessions.then(j -> {
            NetMindJenkinsFixture.useSimulator(sim);
            startStoppingAt(j, "delivering", "echo \"deleted ${netmindTeardown()}\"\n");
        });
        sessions.then(j -> {
            WorkflowRun b = build(j);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("deleted 0", b);
            assertEquals(0, sim.requests().size(), "requests sent to NetMind");
        });
    }

    /** Starts job "points" with {@code script} and waits until its step stopped at {@code point}. */
    private static WorkflowRun startStoppingAt(JenkinsRule j, String point, String script) throws Exception {
        NetMindExecution.stopForTestsAt = point;
        WorkflowJob p = j.createProject(WorkflowJob.class, "points");
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        awaitPoint(point);
        return b;
    }

    private static void awaitPoint(String point) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!NetMindExecution.REACHED_FOR_TESTS.remove(point)) {
            assertTrue(System.nanoTime() < deadline, "the step never reached " + point);
            Thread.sleep(50);
        }
    }

    private static WorkflowRun build(JenkinsRule j) {
        return j.jenkins.getItemByFullName("points", WorkflowJob.class).getBuildByNumber(1);
    }
}
