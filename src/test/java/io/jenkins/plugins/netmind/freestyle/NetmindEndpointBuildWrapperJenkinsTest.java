package io.jenkins.plugins.netmind.freestyle;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.onlyService;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ExtensionList;
import hudson.Functions;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import hudson.remoting.Which;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.slaves.DumbSlave;
import hudson.tasks.BatchFile;
import hudson.tasks.BuildWrappers;
import hudson.tasks.Builder;
import hudson.tasks.Shell;
import hudson.util.FormValidation;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.CoreWrapperStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.SimpleCommandLauncher;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** "Run with a NetMind inference endpoint" in real freestyle builds against the simulator. */
@WithJenkins
class NetmindEndpointBuildWrapperJenkinsTest {

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

    /** The seed's small Flask example on a 4090 in region 'other', no GPU. */
    private static NetmindEndpointBuildWrapper wrapper() {
        NetmindEndpointBuildWrapper wrapper = new NetmindEndpointBuildWrapper("python:3.10-slim");
        wrapper.setGpu("NVIDIA_GeForce_RTX_4090");
        wrapper.setRegion("other");
        wrapper.setGpuCount(0);
        wrapper.setCredentialsId(CREDENTIALS_ID);
        return wrapper;
    }

    /** A shell (or batch) step printing the three variables of {@code prefix}. */
    private static Builder printVariables(String prefix) {
        return Functions.isWindows()
                ? new BatchFile("echo url=%" + prefix + "_ENDPOINT_URL% id=%" + prefix + "_SERVICE_ID% name=%" + prefix
                        + "_ENDPOINT_NAME%")
                : new Shell("echo \"url=$" + prefix + "_ENDPOINT_URL id=$" + prefix + "_SERVICE_ID name=$" + prefix
                        + "_ENDPOINT_NAME\"");
    }

    private static Builder failing() {
        return Functions.isWindows() ? new BatchFile("exit /b 1") : new Shell("exit 1");
    }

    private FreeStyleProject project(String name, NetmindEndpointBuildWrapper wrapper, Builder... steps)
            throws IOException {
        FreeStyleProject p = j.createFreeStyleProject(name);
        p.getBuildWrappersList().add(wrapper);
        for (Builder step : steps) {
            p.getBuildersList().add(step);
        }
        return p;
    }

    @Test
    void theBuildStepsSeeTheEndpointAndItIsDeletedAfterSuccess() throws Exception {
        FreeStyleProject p = project("happy", wrapper(), printVariables("NETMIND"));

        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        String id = onlyService(sim);
        j.assertLogContains(
                "url=" + sim.endpointUrl(id) + " id=" + id + " name="
                        + sim.name(id).orElseThrow(),
                b);
        j.assertLogContains("Deleted endpoint " + sim.name(id).orElseThrow() + " (" + id + ")", b);
        assertEquals(Set.of(), sim.liveServices(), "deleted when the build ended");
        j.assertLogNotContains(sim.token(), b);
        assertEquals(
                List.of(),
                NetMindJenkinsFixture.filesContaining(b.getRootDir().toPath(), sim.token()),
                "token on disk");
    }

    /**
     * An agent in its own JVM, started as {@code JenkinsRule.createOnlineSlave()} starts one ({@code java -jar} the
     * remoting jar, talking over stdin/stdout), except that the jar is taken from the test class path: the test war of
     * ../shared/jenkins-runtime has no {@code WEB-INF/lib/remoting-*.jar}, where {@code createOnlineSlave} looks.
     */
    private DumbSlave onlineAgent() throws Exception {
        File remoting = Which.jarFile(hudson.remoting.Launcher.class);
        String command = String.format(
                "\"%s/bin/java\" -Djava.awt.headless=true -jar \"%s\"",
                System.getProperty("java.home"), remoting.getAbsolutePath());
        DumbSlave agent =
                new DumbSlave("agent", j.createTmpDir().getAbsolutePath(), new SimpleCommandLauncher(command));
        j.jenkins.addNode(agent);
        j.waitOnline(agent);
        return agent;
    }

    @Test
    void theWrapperWorksInABuildOnAnAgent() throws Exception {
        DumbSlave agent = onlineAgent();
        FreeStyleProject p = project("on-agent", wrapper(), printVariables("NETMIND"));
        p.setAssignedNode(agent);

        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        assertEquals(agent, b.getBuiltOn(), "built on the agent");
        String id = onlyService(sim);
        j.assertLogContains("url=" + sim.endpointUrl(id) + " id=" + id, b);
        j.assertLogContains("Deleted endpoint " + sim.name(id).orElseThrow() + " (" + id + ")", b);
        assertEquals(Set.of(), sim.liveServices(), "deleted when the build ended");
        j.assertLogNotContains(sim.token(), b);
        assertEquals(
                List.of(),
                NetMindJenkinsFixture.filesContaining(new File(agent.getRemoteFS()).toPath(), sim.token()),
                "token in the agent's file system");
    }

    @Test
    void aPrefixNamesTheVariables() throws Exception {
        NetmindEndpointBuildWrapper wrapper = wrapper();
        wrapper.setVariablePrefix("JUDGE");
        FreeStyleProject p = project("prefix", wrapper, printVariables("JUDGE"));

        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        String id = onlyService(sim);
        j.assertLogContains("url=" + sim.endpointUrl(id) + " id=" + id, b);
        j.assertLogContains("The build steps see JUDGE_ENDPOINT_URL, JUDGE_SERVICE_ID and JUDGE_ENDPOINT_NAME.", b);
    }

    @Test
    void theEndpointIsDeletedAfterAFailedBuildStep() throws Exception {
        FreeStyleProject p = project("failing", wrapper(), failing());

        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        onlyService(sim);
        j.assertLogContains("Deleted endpoint ", b);
        assertEquals(Set.of(), sim.liveServices(), "deleted although the build failed");
    }

    @Test
    void anAbortWhileWaitingDeletesTheEndpoint() throws Exception {
        sim.setReadyDelay(Duration.ofHours(1));
        FreeStyleProject p = project("abort", wrapper(), printVariables("NETMIND"));
        FreeStyleBuild b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("created: service id", b);

        b.doStop();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogContains("Build aborted while waiting: deleting NetMind endpoint", b);
        j.assertLogNotContains("url=", b);
        onlyService(sim);
        assertEquals(Set.of(), sim.liveServices(), "the abort deleted the endpoint");
    }

    @Test
    void anAbortDuringTheBuildStepsDeletesTheEndpoint() throws Exception {
        Builder longStep =
                Functions.isWindows() ? new BatchFile("ping -n 600 127.0.0.1 > nul") : new Shell("sleep 600");
        FreeStyleProject p = project("abortsteps", wrapper(), longStep);
        FreeStyleBuild b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("The build steps see NETMIND_ENDPOINT_URL", b);

        b.doStop();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogContains("Deleted endpoint ", b);
        onlyService(sim);
        assertEquals(Set.of(), sim.liveServices(), "deleted although the build was aborted");
    }

    @Test
    void anEndpointThatFailsOnNetMindFailsTheBuildBeforeTheStepsRun() throws Exception {
        sim.faults().on(Route.GET).always().terminalFailure("image pull failed");
        FreeStyleProject p = project("terminal", wrapper(), printVariables("NETMIND"));

        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains("image pull failed", b);
        j.assertLogNotContains("url=", b);
        onlyService(sim);
        assertEquals(Set.of(), sim.liveServices(), "the engine deleted the failed endpoint");
    }

    @Test
    void anEndpointThatCannotBeDeletedFailsTheBuild() throws Exception {
        // NetMind refuses the delete: reported at once. (A 5xx is retried for the engine's teardown timeout, 10
        // minutes, far longer than a test may run.)
        sim.faults().on(Route.DELETE).always().respond(403);
        FreeStyleProject p = project("stuck", wrapper(), printVariables("NETMIND"));

        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains("url=", b);
        j.assertLogContains("could not be deleted", b);
        j.assertLogContains("(HTTP 403)", b);
        j.assertLogContains("It is deleted again in the background.", b);
    }

    @Test
    void aBadPrefixIsRefusedBeforeAnyCall() throws Exception {
        NetmindEndpointBuildWrapper wrapper = wrapper();
        wrapper.setVariablePrefix("1X");
        FreeStyleProject p = project("badprefix", wrapper, printVariables("NETMIND"));

        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains("Variable prefix '1X' cannot start an environment variable name", b);
        assertEquals(Set.of(), sim.allServices());
    }

    @Test
    void theWrapperIsOfferedToFreestyleJobsButNotToPipelineWrap() throws Exception {
        FreeStyleProject freestyle = j.createFreeStyleProject("offered");
        assertTrue(
                BuildWrappers.getFor(freestyle).stream()
                        .anyMatch(d -> d instanceof NetmindEndpointBuildWrapper.DescriptorImpl),
                "freestyle: Environment offers it");
        CoreWrapperStep.DescriptorImpl wrap = ExtensionList.lookupSingleton(CoreWrapperStep.DescriptorImpl.class);
        assertTrue(
                wrap.getApplicableDescriptors().stream()
                        .noneMatch(d -> d instanceof NetmindEndpointBuildWrapper.DescriptorImpl),
                "Pipeline's wrap step (Snippet Generator, step reference) does not offer it");
    }

    /** Written into a Pipeline anyway, the wrapper is refused by Pipeline and creates nothing. */
    @Test
    void inAPipelineTheWrapperIsNotAStep() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "pipeline");
        p.setDefinition(new CpsFlowDefinition(
                "node {\n"
                        + "  netmindEndpoint(image: 'python:3.10-slim', gpu: 'NVIDIA_GeForce_RTX_4090', credentialsId: '"
                        + CREDENTIALS_ID + "') {\n"
                        + "    echo 'inside'\n"
                        + "  }\n"
                        + "}\n",
                true));

        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        // not a Pipeline step: Pipeline refuses the call itself, before the wrapper could hold the Pipeline
        j.assertLogNotContains("Creating NetMind endpoint", b);
        j.assertLogNotContains("inside", b);
        assertEquals(Set.of(), sim.allServices());
    }

    @Test
    void configRoundtripKeepsEverySetting() throws Exception {
        NetmindEndpointBuildWrapper before = new NetmindEndpointBuildWrapper("vllm/vllm-openai:latest");
        before.setFlavorId("7b2f36d30e0743debc6c60d5017e2d16");
        before.setCredentialsId(CREDENTIALS_ID);
        before.setName("judge-model");
        before.setCommand("python -m http.server 9000");
        before.setPort(9000);
        before.setGpuCount(2);
        before.setInstances(3);
        before.setPaymentType("cny");
        before.setTimeoutMinutes(12);
        before.setReadinessPath("/health");
        before.setSendTokenToEndpoint(true);
        before.setVariablePrefix("JUDGE");
        FreeStyleProject p = project("roundtrip", before);

        j.configRoundtrip(p);

        j.assertEqualDataBoundBeans(before, p.getBuildWrappersList().get(0));
    }

    @Test
    void aReaderGetsTheFormatChecksButNotTheCredentials() throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("forms");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("developer")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader"));
        NetmindEndpointBuildWrapper.DescriptorImpl d =
                ExtensionList.lookupSingleton(NetmindEndpointBuildWrapper.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            // pure format checks reveal nothing and call nothing: they answer a reader too
            assertEquals(
                    "Required: the container image the endpoint runs.",
                    d.doCheckImage(job, "").getMessage());
            assertEquals(
                    "Instances: 0 is too small, use at least 1.",
                    d.doCheckInstances(job, "0").getMessage());
            assertEquals(FormValidation.Kind.OK, d.doCheckPort(job, "8080").kind);
            assertEquals(FormValidation.Kind.OK, d.doCheckGpuCount(job, "1").kind);
            assertEquals(FormValidation.Kind.OK, d.doCheckTimeoutMinutes(job, "0").kind);
            assertEquals(FormValidation.Kind.OK, d.doCheckReadinessPath(job, "/health").kind);
            assertEquals(
                    "Choose the hardware: fill in either GPU model or Flavor id.",
                    d.doCheckGpu(job, "", "").getMessage());
            assertEquals(List.of("usd", "cny", "nmt"), values(d.doFillPaymentTypeItems(job)));
            // the credentials list reveals data: only the current value
            assertEquals(List.of("mine"), values(d.doFillCredentialsIdItems(job, "mine")));
        }
        try (ACLContext ignored = ACL.as2(User.getById("developer", true).impersonate2())) {
            assertEquals(List.of("", CREDENTIALS_ID), values(d.doFillCredentialsIdItems(job, "")));
            // FormValidation escapes the message for HTML, so ' arrives as &#039;
            assertEquals(
                    "Variable prefix &#039;1X&#039; cannot start an environment variable name: use letters, digits and"
                            + " underscores, not starting with a digit.",
                    d.doCheckVariablePrefix(job, "1X").getMessage());
        }
    }
}
