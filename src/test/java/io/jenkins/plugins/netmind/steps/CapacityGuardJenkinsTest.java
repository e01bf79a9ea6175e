package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Computer;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.freestyle.NetmindEndpointBuildWrapper;
import io.jenkins.plugins.netmind.record.ControllerCapacity;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The controller's limits with real Pipelines against the simulator: a build that does not fit waits its turn holding
 * no executor, one that can never fit fails before anything is created, an abort leaves the queue, and the simulator
 * never holds more than the limits allow.
 */
@WithJenkins
class CapacityGuardJenkinsTest {

    private static final String LIMIT = "(limit: Manage Jenkins \u2192 System \u2192 NetMind Endpoints)";

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule j;
    private NetMindSimulator sim;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindJenkinsFixture.startWithFreshToken();
        NetMindJenkinsFixture.useSimulator(sim);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private int busyExecutors() {
        int busy = 0;
        for (Computer c : j.jenkins.getComputers()) {
            busy += c.countBusy();
        }
        return busy;
    }

    /** A build that holds an endpoint until its semaphore {@code name} is released. */
    private WorkflowRun holding(String name) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(
                "withNetmindEndpoint(" + ENDPOINT + ") {\n  semaphore '" + name + "'\n}\n", true));
        return p.scheduleBuild2(0).waitForStart();
    }

    private String status(WorkflowRun b) throws Exception {
        StringBuilder all = new StringBuilder();
        for (StepExecution e : b.getExecution().getCurrentExecutions(false).get()) {
            all.append(e.getStatus()).append('\n');
        }
        return all.toString();
    }

    @Test
    void theThirdOfThreePipelinesWaitsWithoutAnExecutorAndRunsWhenTheFirstEnds() throws Exception {
        NetMindGlobalConfiguration.get().setMaxLiveEndpoints(2);
        WorkflowRun first = holding("first");
        SemaphoreStep.waitForStart("first/1", first);
        WorkflowRun second = holding("second");
        SemaphoreStep.waitForStart("second/1", second);
        WorkflowRun third = holding("third");
        j.waitForMessage("waiting for capacity: 2 of 2 endpoints live " + LIMIT + "; place 1 of 1 in the queue", third);

        assertEquals(0, busyExecutors(), "the waiting build holds no executor");
        assertTrue(status(third).contains("waiting for capacity for NetMind endpoint third-1-"), status(third));
        assertTrue(status(third).contains(": place 1 in the queue"), status(third));
        assertEquals(2, sim.allServices().size(), "the third sent no create while it waits");
        assertEquals(1, ControllerCapacity.guard().usage().queued());
        HtmlPage page = j.createWebClient().getPage(first);
        assertTrue(
                page.asNormalizedText()
                        .contains("Capacity in use on this controller: 2 of 2 endpoints live, 0 GPU(s) (no limit),"
                                + " 0.60 USD per hour (no limit), 1 waiting"),
                page.asNormalizedText());

        SemaphoreStep.success("first/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(first));
        SemaphoreStep.waitForStart("third/1", third);
        j.assertLogContains("capacity reserved after waiting", third);
        SemaphoreStep.success("second/1", null);
        SemaphoreStep.success("third/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(second));
        j.assertBuildStatusSuccess(j.waitForCompletion(third));

        assertEquals(3, sim.allServices().size());
        assertEquals(Set.of(), sim.liveServices(), "nothing left on NetMind");
        assertEquals(2, sim.peak().endpoints(), "never more than the limit live at once");
        assertEquals(0, ControllerCapacity.guard().usage().liveEndpoints(), "every reservation released");
    }

    @Test
    void aRequestOverALimitFailsAtOnceAndCreatesNothing() throws Exception {
        NetMindGlobalConfiguration.get().setMaxInstancesPerEndpoint(2);
        WorkflowJob p = j.createProject(WorkflowJob.class, "too-big");
        p.setDefinition(new CpsFlowDefinition("netmindDeploy(" + ENDPOINT + ", instances: 3)", true));
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains(
                "asks for 3 instance(s), but this controller allows at most 2 per endpoint. Ask for fewer instances,"
                        + " or raise the limit: Manage Jenkins \u2192 System \u2192 NetMind Endpoints \u2192 Maximum"
                        + " instances per endpoint.",
                b);
        j.assertLogNotContains("\tat ", b);

        WorkflowJob pricey = j.createProject(WorkflowJob.class, "pricey");
        pricey.setDefinition(new CpsFlowDefinition(
                "netmindDeploy(" + ENDPOINT + ", paymentType: 'cny', instances: 2, maxPricePerHour: 0.5)", true));
        WorkflowRun c = j.buildAndAssertStatus(Result.FAILURE, pricey);
        j.assertLogContains(
                "would cost 0.60 USD per hour (2 instance(s) \u00d7 0.30 USD), more than its"
                        + " maxPricePerHour of 0.50 USD",
                c);

        assertEquals(List.of(), sim.requests(Route.CREATE), "nothing created");
        assertEquals(0, ControllerCapacity.guard().usage().liveEndpoints());
    }

    @Test
    void aScaleOverALimitIsRefusedAndTheEndpointKeepsItsCount() throws Exception {
        NetMindGlobalConfiguration.get().setMaxInstancesPerEndpoint(2);
        WorkflowJob p = j.createProject(WorkflowJob.class, "scaled");
        p.setDefinition(new CpsFlowDefinition(
                "def ep = netmindDeploy(" + ENDPOINT + ")\n"
                        + "try {\n"
                        + "  netmindScale(serviceId: ep.serviceId, instances: 3)\n"
                        + "} finally {\n"
                        + "  netmindTeardown()\n"
                        + "}\n",
                true));
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains(
                "cannot be scaled to 3 instance(s): this controller allows at most 2 per endpoint. Scale to fewer, or"
                        + " raise the limit: Manage Jenkins \u2192 System \u2192 NetMind Endpoints \u2192 Maximum"
                        + " instances per endpoint.",
                b);
        assertEquals(List.of(), sim.requests(Route.UPDATE), "nothing sent to NetMind");
        assertEquals(Set.of(), sim.liveServices());
        assertEquals(1, sim.peak().instances());
        assertEquals(0, ControllerCapacity.guard().usage().liveEndpoints());
    }

    @Test
    void failWhenOverCapacityFailsInsteadOfWaiting() throws Exception {
        NetMindGlobalConfiguration.get().setMaxLiveEndpoints(1);
        WorkflowRun holder = holding("holder");
        SemaphoreStep.waitForStart("holder/1", holder);
        WorkflowJob p = j.createProject(WorkflowJob.class, "impatient");
        p.setDefinition(new CpsFlowDefinition("netmindDeploy(" + ENDPOINT + ", failWhenOverCapacity: true)", true));
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("now: 1 of 1 endpoints live " + LIMIT + ". failWhenOverCapacity is set", b);
        SemaphoreStep.success("holder/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(holder));
        assertEquals(1, sim.allServices().size());
    }

    @Test
    void anAbortWhileQueuedLeavesTheQueueCleanly() throws Exception {
        NetMindGlobalConfiguration.get().setMaxLiveEndpoints(1);
        WorkflowRun holder = holding("holder");
        SemaphoreStep.waitForStart("holder/1", holder);
        WorkflowJob p = j.createProject(WorkflowJob.class, "queued");
        p.setDefinition(new CpsFlowDefinition("netmindDeploy(" + ENDPOINT + ")", true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("waiting for capacity: 1 of 1 endpoints live", b);

        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(0, ControllerCapacity.guard().usage().queued(), "the queue is empty again");
        assertEquals(1, ControllerCapacity.guard().usage().liveEndpoints(), "the holder keeps its place");

        SemaphoreStep.success("holder/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(holder));
        WorkflowRun next = holding("next");
        SemaphoreStep.waitForStart("next/1", next);
        j.assertLogNotContains("waiting for capacity", next);
        SemaphoreStep.success("next/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(next));
        assertEquals(2, sim.allServices().size(), "the aborted build created nothing");
        assertEquals(Set.of(), sim.liveServices());
        assertEquals(1, sim.peak().endpoints());
    }

    @Test
    void theNewSettingsRoundTripThroughTheFormsAndTheSnippetGenerator() throws Exception {
        NetmindDeployStep deploy = new NetmindDeployStep("python:3.10-slim");
        deploy.setGpu("NVIDIA_GeForce_RTX_4090");
        deploy.setMaxPricePerHour(2.5);
        deploy.setFailWhenOverCapacity(true);
        NetmindDeployStep after = new StepConfigTester(j).configRoundTrip(deploy);
        assertEquals(new BigDecimal("2.5"), after.toSettings().getMaxPricePerHour());
        assertTrue(after.isFailWhenOverCapacity());
        new SnippetizerTester(j)
                .assertRoundTrip(
                        deploy,
                        "netmindDeploy failWhenOverCapacity: true, gpu: 'NVIDIA_GeForce_RTX_4090',"
                                + " image: 'python:3.10-slim', maxPricePerHour: 2.5");

        FreeStyleProject freestyle = j.createFreeStyleProject("wrapped");
        NetmindEndpointBuildWrapper wrapper = new NetmindEndpointBuildWrapper("python:3.10-slim");
        wrapper.setGpu("NVIDIA_GeForce_RTX_4090");
        wrapper.setMaxPricePerHour(1.25);
        wrapper.setFailWhenOverCapacity(true);
        freestyle.getBuildWrappersList().add(wrapper);
        j.configRoundtrip(freestyle);
        NetmindEndpointBuildWrapper saved = freestyle.getBuildWrappersList().get(NetmindEndpointBuildWrapper.class);
        assertEquals(1.25, saved.getMaxPricePerHour());
        assertTrue(saved.isFailWhenOverCapacity());

        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        config.setMaxLiveEndpoints(3);
        config.setMaxGpus(8);
        config.setMaxUsdPerHour("12.50");
        j.configRoundtrip();
        assertEquals(3, config.getMaxLiveEndpoints());
        assertEquals(null, config.getMaxInstancesPerEndpoint());
        assertEquals(8, config.getMaxGpus());
        assertEquals("12.50", config.getMaxUsdPerHour());
        assertEquals(
                new io.jenkins.plugins.netmind.lifecycle.CapacityGuard.Limits(3, null, 8, new BigDecimal("12.50")),
                ControllerCapacity.guard().limits());
    }
}
