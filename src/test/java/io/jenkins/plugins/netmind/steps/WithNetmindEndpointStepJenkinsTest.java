package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Result;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
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
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** withNetmindEndpoint: the block sees the endpoint, and the endpoint goes however the block ends. */
@WithJenkins
class WithNetmindEndpointStepJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule j;
    private NetMindSimulator sim;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindSimulator.start();
        NetMindJenkinsFixture.useSimulator(sim);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    @Test
    void theBlockSeesTheEndpointAndItIsDeletedAfterwards() throws Exception {
        WorkflowJob p = pipeline(
                "vars",
                "withNetmindEndpoint(" + ENDPOINT + ") {\n"
                        + "  echo \"url=${env.NETMIND_ENDPOINT_URL} id=${env.NETMIND_SERVICE_ID}"
                        + " name=${env.NETMIND_ENDPOINT_NAME}\"\n"
                        + "  withNetmindEndpoint(" + ENDPOINT + ", variablePrefix: 'JUDGE') {\n"
                        + "    echo \"judge=${env.JUDGE_SERVICE_ID} outer=${env.NETMIND_SERVICE_ID}\"\n"
                        + "  }\n"
                        + "}\n"
                        + "echo \"after=${env.NETMIND_ENDPOINT_URL}\"\n");

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        assertEquals(2, sim.allServices().size());
        for (String id : sim.allServices()) {
            j.assertLogContains(id, b);
        }
        j.assertLogContains("after=null", b);
        j.assertLogContains("Deleted endpoint ", b);
        assertEquals(Set.of(), sim.liveServices(), "both endpoints deleted");
        j.assertLogNotContains(sim.token(), b);
    }

    @Test
    void aFailingBlockFailsWithItsOwnErrorAndTheEndpointIsDeleted() throws Exception {
        WorkflowJob p = pipeline(
                "fails",
                "withNetmindEndpoint(" + ENDPOINT + ") {\n" + "  error 'the model answered nonsense'\n" + "}\n");

        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains("the model answered nonsense", b);
        assertEquals(1, sim.allServices().size());
        assertEquals(Set.of(), sim.liveServices());
    }

    @Test
    void abortingTheBlockDeletesTheEndpoint() throws Exception {
        WorkflowJob p =
                pipeline("abort", "withNetmindEndpoint(" + ENDPOINT + ") {\n" + "  semaphore 'inside'\n" + "}\n");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("inside/1", b);
        assertEquals(1, sim.liveServices().size());

        b.doStop();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(Set.of(), sim.liveServices());
    }

    @Test
    void abortingWhileWaitingForTheEndpointDeletesIt() throws Exception {
        sim.setReadyDelay(Duration.ofHours(1));
        WorkflowJob p =
                pipeline("abortwait", "withNetmindEndpoint(" + ENDPOINT + ") {\n" + "  echo 'never here'\n" + "}\n");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("created: service id", b);

        b.doStop();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogNotContains("never here", b);
        assertEquals(Set.of(), sim.liveServices());
    }

    @Test
    void aTimeoutAroundTheBlockDeletesTheEndpoint() throws Exception {
        WorkflowJob p = pipeline(
                "timeout",
                "timeout(time: 10, unit: 'SECONDS') {\n"
                        + "  withNetmindEndpoint(" + ENDPOINT + ") {\n"
                        + "    sleep 600\n"
                        + "  }\n"
                        + "}\n");

        WorkflowRun b = j.assertBuildStatus(Result.ABORTED, p.scheduleBuild2(0));

        j.assertLogContains("Deleted endpoint ", b);
        assertEquals(1, sim.allServices().size());
        assertEquals(Set.of(), sim.liveServices());
    }

    @Test
    void anEndpointThatCannotBeDeletedFailsAnOtherwiseSuccessfulBlock() throws Exception {
        WorkflowJob p =
                pipeline("stuck", "withNetmindEndpoint(" + ENDPOINT + ") {\n" + "  echo 'block done'\n" + "}\n");
        // NetMind refuses the delete: reported at once. (A 5xx is retried for the engine's teardown timeout, 10
        // minutes, far longer than a test may run.)
        sim.faults().on(Route.DELETE).always().respond(403);

        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains("block done", b);
        j.assertLogContains("could not be deleted", b);
        j.assertLogContains("(HTTP 403)", b);
        j.assertLogContains("It is deleted again when the build ends.", b);
    }

    @Test
    void aBadVariablePrefixIsRefusedBeforeAnyCall() throws Exception {
        WorkflowJob p =
                pipeline("prefix", "withNetmindEndpoint(" + ENDPOINT + ", variablePrefix: '1X') { echo 'no' }\n");

        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains("Variable prefix '1X' cannot start an environment variable name", b);
        assertEquals(Set.of(), sim.allServices());
    }
}
