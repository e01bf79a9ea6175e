package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
