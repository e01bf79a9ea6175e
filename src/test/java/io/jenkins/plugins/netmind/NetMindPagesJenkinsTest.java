package io.jenkins.plugins.netmind;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.freestyle.NetmindEndpointBuildWrapper;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.net.URL;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.util.NameValuePair;
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

/**
 * Every page of the plugin rendered as a user's browser gets it (HtmlUnit), asserting the visible text users rely on:
 * the labels with their units, the drop-downs' words, the Test connection table, the build page's story, the Pipeline
 * Steps view's arguments, and that the freestyle wrapper is not offered as a Pipeline step.
 */
@WithJenkins
class NetMindPagesJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule j;
    private NetMindSimulator sim;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindSimulator.start();
        NetMindJenkinsFixture.useSimulator(sim);
        NetMindGlobalConfiguration.get().setCredentialsId(NetMindJenkinsFixture.CREDENTIALS_ID);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Test
    void theSystemSectionShowsItsLabelsAndTestConnectionAnswersWithATable() throws Exception {
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            String text = wc.goTo("configure").asNormalizedText();
            for (String label : List.of(
                    "NetMind Endpoints",
                    "API URL",
                    "Default NetMind API token",
                    "Default wait timeout (minutes)",
                    "Default readiness path",
                    "Test connection")) {
                assertTrue(text.contains(label), label + " in:\n" + text);
            }

            WebRequest test = new WebRequest(
                    new URL(
                            j.getURL(),
                            "descriptorByName/" + NetMindGlobalConfiguration.class.getName() + "/testConnection"),
                    HttpMethod.POST);
            test.setRequestParameters(List.of(
                    new NameValuePair("apiUrl", sim.baseUrl().toString()),
                    new NameValuePair("credentialsId", NetMindJenkinsFixture.CREDENTIALS_ID)));
            wc.addCrumb(test);
            String answer = wc.getPage(test).getWebResponse().getContentAsString();
            assertTrue(answer.contains("Connected. The token sees 4 flavor(s):"), answer);
            assertTrue(
                    answer.contains("<th>GPU</th><th>Region</th><th>Price per instance-hour (USD)</th>"
                            + "<th>Price per instance-hour (CNY)</th><th>Price per instance-hour (NMT)</th>"
                            + "<th>Capacity left</th><th>Flavor id</th>"),
                    answer);
            assertTrue(answer.contains("<td><strong>0 (full)</strong></td>"), answer);
        }
    }

    @Test
    void theSnippetGeneratorAndTheStepReferenceOfferTheStepsButNotTheFreestyleWrapper() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "syntax");
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlPage snippets = wc.getPage(job, "pipeline-syntax");
            String options = snippets.getElementsByTagName("option").stream()
                    .map(o -> o.asNormalizedText())
                    .reduce("", (a, b) -> a + "\n" + b);
            assertTrue(options.contains("netmindDeploy: Deploy a NetMind inference endpoint"), options);
            assertTrue(
                    options.contains("withNetmindEndpoint: Run steps against a temporary NetMind inference endpoint"),
                    options);
            assertTrue(options.contains("netmindScale: Scale a NetMind inference endpoint"), options);
            assertFalse(options.contains("netmindEndpoint"), options);
            assertFalse(snippets.asXml().contains("Run with a NetMind inference endpoint"));

            String reference = wc.goTo("pipeline-syntax/html").asNormalizedText();
            assertTrue(reference.contains("netmindDeploy"), "the step reference lists the steps");
            assertFalse(reference.contains("netmindEndpoint"), "but not the freestyle wrapper");
        }
    }

    @Test
    void theFreestyleFormNamesItsFieldsAndUnitsAndItsDropDownsInWords() throws Exception {
        FreeStyleProject job = j.createFreeStyleProject("freestyle");
        NetmindEndpointBuildWrapper wrapper = new NetmindEndpointBuildWrapper("python:3.10-slim");
        wrapper.setGpu("NVIDIA_GeForce_RTX_4090");
        job.getBuildWrappersList().add(wrapper);
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            HtmlPage page = wc.getPage(job, "configure");
            String text = page.asNormalizedText();
            for (String label : List.of(
                    "Run with a NetMind inference endpoint",
                    "Container image",
                    "GPU model",
                    "Flavor id",
                    "Region",
                    "NetMind API token",
                    "Instances",
                    "Variable prefix")) {
                assertTrue(text.contains(label), label + " in:\n" + text);
            }
            String xml = page.asXml();
            assertTrue(xml.contains("Wait timeout (minutes)"), "the unit is in the label");
            assertTrue(xml.contains("0 uses the Default wait timeout of the NetMind Endpoints settings."));
            assertEquals(List.of("Any region", "China (cn)", "Outside China (other)"), optionTexts(page, "_.region"));
            assertEquals(
                    List.of("US dollars (usd)", "Chinese yuan (cny)", "NetMind tokens (nmt)"),
                    optionTexts(page, "_.paymentType"));
            assertEquals(
                    "Use the default credentials (NetMind token)",
                    optionTexts(page, "_.credentialsId").get(0));
        }
    }

    @Test
    void theBuildPageTellsTheStoryAndThePipelineStepsViewShowsTheArguments() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "story");
        p.setDefinition(new CpsFlowDefinition(
                "def ep = netmindDeploy(" + ENDPOINT + ")\n"
                        + "netmindScale(serviceId: ep.serviceId, instances: 2, credentialsId: '"
                        + NetMindJenkinsFixture.CREDENTIALS_ID + "')\n"
                        + "semaphore 'running'\n"
                        + "netmindTeardown()\n",
                true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("running/1", b);
        String serviceId = NetMindJenkinsFixture.onlyService(sim);
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            String running = wc.getPage(b).asNormalizedText();
            assertTrue(running.contains("NetMind endpoints"), running);
            assertTrue(running.contains("(service " + serviceId + "): running."), running);
            assertTrue(
                    running.contains(
                            "NVIDIA_GeForce_RTX_4090 in region other, 2 instances, 0.30 USD per instance-hour."),
                    running);
            assertTrue(running.contains("URL: " + sim.baseUrl()), running);

            SemaphoreStep.success("running/1", null);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));

            String done = wc.getPage(b).asNormalizedText();
            assertTrue(done.contains("(service " + serviceId + "): deleted."), done);
            assertTrue(done.contains("Ran for "), done);
            assertTrue(done.contains(", estimated cost "), done);
            assertTrue(done.contains(" USD."), done);
            assertFalse(done.contains("URL: "), "no URL once deleted:\n" + done);
            assertFalse(done.contains("CREATED") || done.contains("DELETED"), "no ledger words:\n" + done);

            String steps = wc.getPage(b, "flowGraphTable").asNormalizedText();
            assertTrue(steps.contains("python:3.10-slim on NVIDIA_GeForce_RTX_4090"), steps);
            assertTrue(steps.contains(serviceId + " to 2 instance(s)"), steps);
        }
        // the console reads as one voice: one price format, no JSON key, one line per delete
        j.assertLogContains(
                ": NVIDIA_GeForce_RTX_4090 in region other, 1 instance(s), image python:3.10-slim, 0.30 USD per hour",
                b);
        j.assertLogNotContains("endpoint_metadata", b);
        j.assertLogNotContains("Deleting endpoint", b);
        String log = JenkinsRule.getLog(b);
        assertEquals(
                1, log.lines().filter(l -> l.startsWith("Deleted endpoint ")).count(), log);
    }

    private static List<String> optionTexts(HtmlPage page, String name) {
        HtmlSelect select = (HtmlSelect) page.getElementsByName(name).get(0);
        return select.getOptions().stream().map(HtmlOption::getText).toList();
    }
}
