package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ExtensionList;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessDeniedException3;
import hudson.util.FormValidation;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.freestyle.NetmindEndpointBuildWrapper;
import io.jenkins.plugins.netmind.record.NetMindBuildAction;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.RecordedRequest;
import io.jenkins.plugins.netmind.sim.Route;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code netmindDeploy(dryRun: true)} and {@code netmindFlavors} in real Pipelines against the simulator. */
@WithJenkins
class DryRunAndFlavorsJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule j;
    private NetMindSimulator sim;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindJenkinsFixture.startWithFreshToken();
        NetMindJenkinsFixture.useSimulator(sim);
        NetMindGlobalConfiguration.get().setCredentialsId(CREDENTIALS_ID); // for steps and forms without an id
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
    void aDryRunCreatesNothingAndReturnsWhatADeployWould() throws Exception {
        WorkflowJob p = pipeline(
                "dry",
                "def ep = netmindDeploy(" + ENDPOINT + ", instances: 2, dryRun: true)\n"
                        + "echo \"dryRun=${ep.dryRun} url=${ep.url} id=${ep.serviceId} flavor=${ep.flavorId}"
                        + " gpu=${ep.gpu} region=${ep.region} instances=${ep.instances} price=${ep.pricePerHour}"
                        + " total=${ep.totalPerHour} ${ep.paymentType} free=${ep.capacityLeft} api=${ep.apiUrl}\"\n"
                        + "echo \"keys=${ep.keySet()}\"\n");

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        j.assertLogContains(
                "dryRun=true url=null id=null flavor=7b2f36d30e0743debc6c60d5017e2d16 gpu=NVIDIA_GeForce_RTX_4090"
                        + " region=other instances=2 price=0.3 total=0.6 usd free=4 api=" + sim.baseUrl(),
                b);
        j.assertLogContains(
                "keys=[url, serviceId, name, flavorId, instances, pricePerHour, dryRun, gpu, region, paymentType,"
                        + " capacityLeft, totalPerHour, apiUrl, waitsForCapacity, liveEndpointsLeft, gpusLeft,"
                        + " usdPerHourLeft, capacityInUse]",
                b);
        j.assertLogContains("Dry run, nothing was created: netmindDeploy would create endpoint dry-1-", b);
        j.assertLogContains("0.60 USD per hour", b);
        assertEquals(Set.of(), sim.allServices(), "nothing created on NetMind");
        List<RecordedRequest> writes =
                sim.requests().stream().filter(r -> !r.method().equals("GET")).toList();
        assertEquals(List.of(), writes, "only GETs were sent");
        assertEquals(1, sim.requests(Route.LIST_FLAVORS).size());
        NetMindBuildAction action = b.getAction(NetMindBuildAction.class);
        assertTrue(action == null || action.getEndpoints().isEmpty(), "nothing recorded on the build");
        j.assertLogNotContains(sim.token(), b);
    }

    @Test
    void aDryRunWithAnUnknownGpuFailsWithTheMessageADeployGives() throws Exception {
        String settings = "image: 'python:3.10-slim', gpu: 'RTX_9999', credentialsId: '" + CREDENTIALS_ID + "'";
        WorkflowRun dry = j.buildAndAssertStatus(
                Result.FAILURE, pipeline("dry-typo", "netmindDeploy(" + settings + ", dryRun: true)"));
        WorkflowRun real =
                j.buildAndAssertStatus(Result.FAILURE, pipeline("real-typo", "netmindDeploy(" + settings + ")"));

        String message = "No flavor named RTX_9999; NetMind offers: ";
        j.assertLogContains(message, dry);
        j.assertLogContains(message, real);
        assertEquals(failureLine(real, message), failureLine(dry, message));
        assertEquals(Set.of(), sim.allServices());
        assertEquals(List.of(), sim.requests(Route.CREATE));
    }

    private static String failureLine(WorkflowRun b, String start) throws Exception {
        return b.getLog(200).stream()
                .filter(line -> line.contains(start))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void flavorsReturnsMapsAScriptCanChooseFrom() throws Exception {
        WorkflowJob p = pipeline(
                "flavors",
                "def all = netmindFlavors(credentialsId: '" + CREDENTIALS_ID + "')\n"
                        + "echo \"count=${all.size()}\"\n"
                        + "def f = all.find { it.gpu == 'NVIDIA_GeForce_RTX_4090' && it.region == 'cn' }\n"
                        + "echo \"id=${f.flavorId} usd=${f.usdPerHour} cny=${f.cnyPerHour} nmt=${f.nmtPerHour}"
                        + " free=${f.capacityLeft} gpus=${f.maxGpusPerNode}\"\n"
                        + "def full = all.findAll { it.capacityLeft == 0 }.collect { it.gpu }\n"
                        + "echo \"full=${full}\"\n"
                        + "echo \"default=${netmindFlavors().size()}\"\n");

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        j.assertLogContains("count=4", b);
        j.assertLogContains("id=69475e82e81c4dd6be3467e2ca374e0c usd=0.3 cny=2.2 nmt=0.147164 free=4 gpus=2", b);
        j.assertLogContains("full=[NVIDIA_H100_80GB]", b);
        j.assertLogContains("default=4", b);
        j.assertLogContains("NetMind offers 4 flavor(s) at " + sim.baseUrl(), b);
        assertEquals(Set.of(), sim.allServices());
    }

    @Test
    void flavorsWithAnUnknownCredentialSaysWhatToFix() throws Exception {
        WorkflowRun b =
                j.buildAndAssertStatus(Result.FAILURE, pipeline("nope", "netmindFlavors(credentialsId: 'nope')"));
        j.assertLogContains("nope", b);
        assertEquals(List.of(), sim.requests(Route.LIST_FLAVORS));
    }

    @Test
    void theSnippetGeneratorRoundTripsBothSteps() throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        NetmindFlavorsStep flavors = new NetmindFlavorsStep();
        snippets.assertRoundTrip(flavors, "netmindFlavors()");
        flavors.setCredentialsId(CREDENTIALS_ID);
        snippets.assertRoundTrip(flavors, "netmindFlavors credentialsId: '" + CREDENTIALS_ID + "'");
        assertEquals(
                CREDENTIALS_ID, new StepConfigTester(j).configRoundTrip(flavors).getCredentialsId());
        assertNull(new StepConfigTester(j)
                .configRoundTrip(new NetmindFlavorsStep())
                .getCredentialsId());

        NetmindDeployStep dry = new NetmindDeployStep("python:3.10-slim");
        dry.setGpu("NVIDIA_GeForce_RTX_4090");
        dry.setDryRun(true);
        snippets.assertRoundTrip(
                dry, "netmindDeploy dryRun: true, gpu: 'NVIDIA_GeForce_RTX_4090', image: 'python:3.10-slim'");
        NetmindDeployStep after = new StepConfigTester(j).configRoundTrip(dry);
        assertTrue(after.isDryRun());
        assertEquals(dry.toSettings(), after.toSettings());
        dry.setDryRun(false);
        assertTrue(!new StepConfigTester(j).configRoundTrip(dry).isDryRun());
    }

    private FormValidation validate(Item item, String gpu, String region, String instances) {
        return ExtensionList.lookupSingleton(NetmindDeployStep.DescriptorImpl.class)
                .doValidate(
                        item, "python:3.10-slim", CREDENTIALS_ID, null, gpu, region, instances, "0", "cny", null, null);
    }

    @Test
    void theValidateButtonShowsWhatADeployWouldUseOrItsErrorAndCreatesNothing() throws Exception {
        WorkflowJob job = pipeline("form", "echo 'unused'");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("developer")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader"));

        try (ACLContext ignored = ACL.as2(User.getById("developer", true).impersonate2())) {
            FormValidation ok = validate(job, "NVIDIA_GeForce_RTX_4090", "cn", "2");
            assertEquals(FormValidation.Kind.OK, ok.kind, ok.getMessage());
            assertEquals(
                    "Valid; nothing was created. A deploy would use NVIDIA_GeForce_RTX_4090 in region cn (flavor"
                            + " 69475e82e81c4dd6be3467e2ca374e0c): 2 instance(s) at 2.20 CNY per instance-hour, 4.40"
                            + " CNY per hour in all; 4 instance(s) free at " + sim.baseUrl() + ".",
                    ok.getMessage());

            FormValidation typo = validate(job, "RTX_9999", null, null);
            assertEquals(FormValidation.Kind.ERROR, typo.kind);
            assertTrue(typo.getMessage().startsWith("No flavor named RTX_9999; NetMind offers: "), typo.getMessage());

            FormValidation full = validate(job, "NVIDIA_H100_80GB", null, null);
            assertEquals(FormValidation.Kind.ERROR, full.kind);
            assertTrue(
                    full.getMessage().startsWith("No NetMind flavor NVIDIA_H100_80GB has room for 1 instance(s)."),
                    full.getMessage());

            FormValidation badNumber = validate(job, "NVIDIA_GeForce_RTX_4090", null, "two");
            assertEquals(FormValidation.Kind.ERROR, badNumber.kind);
            assertTrue(badNumber.getMessage().contains("is not a whole number"), badNumber.getMessage());
        }
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThrows(AccessDeniedException3.class, () -> validate(job, "NVIDIA_GeForce_RTX_4090", null, null));
        }
        assertEquals(Set.of(), sim.allServices(), "the button created nothing");
        assertEquals(List.of(), sim.requests(Route.CREATE));
        assertEquals(3, sim.requests(Route.LIST_FLAVORS).size(), "the reader reached no NetMind");
    }

    @Test
    void theValidateButtonOfTheFreestyleWrapperAnswersTheSame() throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("freestyle");
        FormValidation ok = ExtensionList.lookupSingleton(NetmindEndpointBuildWrapper.DescriptorImpl.class)
                .doValidate(
                        job,
                        "python:3.10-slim",
                        null,
                        "a100a100a100a100a100a100a100a100",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
        assertEquals(FormValidation.Kind.OK, ok.kind, ok.getMessage());
        assertTrue(ok.getMessage().contains("NVIDIA_A100_80GB in region other"), ok.getMessage());
        assertTrue(ok.getMessage().contains("1.30 USD per instance-hour"), ok.getMessage());

        FormValidation noImage = ExtensionList.lookupSingleton(NetmindEndpointBuildWrapper.DescriptorImpl.class)
                .doValidate(job, "", null, null, "NVIDIA_GeForce_RTX_4090", null, null, null, null, null, null);
        assertEquals(FormValidation.Kind.ERROR, noImage.kind);
        assertEquals(List.of(), sim.requests(Route.CREATE));
    }

    @Test
    void clickingValidateOnTheConfigurePageShowsTheResult() throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("clicked");
        NetmindEndpointBuildWrapper wrapper = new NetmindEndpointBuildWrapper("python:3.10-slim");
        wrapper.setGpu("NVIDIA_GeForce_RTX_4090");
        wrapper.setRegion("other");
        job.getBuildWrappersList().add(wrapper);

        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlPage page = wc.getPage(job, "configure");
            HtmlButton button = page.getByXPath("//button[normalize-space(.)='Validate']").stream()
                    .map(HtmlButton.class::cast)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Validate button on the page"));
            button.click();
            wc.waitForBackgroundJavaScript(10_000);
            String text = page.asNormalizedText();
            assertTrue(
                    text.contains("Valid; nothing was created. A deploy would use NVIDIA_GeForce_RTX_4090 in region"
                            + " other (flavor 7b2f36d30e0743debc6c60d5017e2d16)"),
                    text);
        }
        assertEquals(Set.of(), sim.allServices());
    }
}
