package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.record.ControllerCapacity;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
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

/**
 * A restart while one build holds the only slot and another waits for it: the guard comes back with the reservation of
 * the endpoint that exists and an empty queue, the waiting build queues again on resume and runs once the slot frees.
 */
class CapacityGuardRestartJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

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
    void aRestartKeepsTheLiveReservationAndTheQueuedBuildQueuesAgain() throws Throwable {
        sessions.then(j -> {
            NetMindJenkinsFixture.useSimulator(sim);
            NetMindGlobalConfiguration.get().setMaxLiveEndpoints(1);
            WorkflowJob holder = j.createProject(WorkflowJob.class, "holder");
            holder.setDefinition(
                    new CpsFlowDefinition("withNetmindEndpoint(" + ENDPOINT + ") {\n  semaphore 'hold'\n}\n", true));
            WorkflowRun h = holder.scheduleBuild2(0).waitForStart();
            SemaphoreStep.waitForStart("hold/1", h);
            WorkflowJob waiter = j.createProject(WorkflowJob.class, "waiter");
            waiter.setDefinition(new CpsFlowDefinition(
                    "def ep = netmindDeploy(" + ENDPOINT + ")\necho \"got ${ep.serviceId}\"\nnetmindTeardown()\n",
                    true));
            WorkflowRun w = waiter.scheduleBuild2(0).waitForStart();
            j.waitForMessage("waiting for capacity: 1 of 1 endpoints live", w);
        });
        sessions.then(j -> {
            WorkflowRun h =
                    j.jenkins.getItemByFullName("holder", WorkflowJob.class).getBuildByNumber(1);
            WorkflowRun w =
                    j.jenkins.getItemByFullName("waiter", WorkflowJob.class).getBuildByNumber(1);
            j.waitForMessage(
                    "was waiting for capacity when Jenkins restarted; nothing was created. Queueing again.", w);
            j.waitForMessage("place 1 of 1 in the queue", w);
            assertEquals(1, ControllerCapacity.guard().usage().liveEndpoints(), "the holder's endpoint still counts");
            assertEquals(1, sim.allServices().size(), "the waiter created nothing");

            SemaphoreStep.success("hold/1", null);
            j.assertBuildStatusSuccess(j.waitForCompletion(h));
            j.assertBuildStatusSuccess(j.waitForCompletion(w));
            j.assertLogContains("capacity reserved after waiting", w);
            assertEquals(2, sim.allServices().size());
            assertEquals(Set.of(), sim.liveServices());
            assertEquals(1, sim.peak().endpoints(), "never two live at once, restart included");
            assertEquals(0, ControllerCapacity.guard().usage().liveEndpoints());
        });
    }
}
