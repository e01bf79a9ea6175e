package io.jenkins.plugins.netmind.fleet;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
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
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code netmindListEndpoints()} in a Pipeline: the rows of the NetMind endpoints page as read-only maps, the build's
 * own endpoint among them; Overall/Read without a credential, the build's right to use the credential with one.
 */
@WithJenkins
class NetmindListEndpointsStepJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule j;
    private NetMindSimulator sim;
    private FleetEndpoints endpoints;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindSimulator.start();
        NetMindJenkinsFixture.useSimulator(sim);
        NetMindGlobalConfiguration.get().setCredentialsId(CREDENTIALS_ID);
        endpoints = new FleetEndpoints(sim);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Test
    void returnsTheRowsOfEveryKindTheBuildsOwnEndpointIncluded() throws Exception {
        endpoints.leftover("left-by-a-lost-build", Instant.now().plus(Duration.ofHours(2)));
        endpoints.leftover("past-its-lifetime", Instant.now().minus(Duration.ofMinutes(5)));
        endpoints.otherControllers("other-controllers", "team/nightly #41");
        endpoints.unmanaged("made-in-the-console");
        WorkflowRun run = run(
                "withNetmindEndpoint(" + ENDPOINT + ", name: 'evals-endpoint') {\n"
                        + "  def rows = netmindListEndpoints()\n"
                        + "  for (def r : rows) {\n"
                        + "    echo \"row ${r.name}: ${r.state}, this controller: ${r.thisController},"
                        + " ${r.instances} x ${r.flavorName} in ${r.region}, ${r.pricePerHour} ${r.paymentType}/h,"
                        + " owner ${r.owner}\"\n"
                        + "  }\n"
                        + "  def names = rows.collect { it.name }.sort()\n"
                        + "  echo \"sorted: ${names}\"\n"
                        + "  echo \"keys: ${rows[0].keySet()}\"\n"
                        + "}\n",
                Result.SUCCESS);
        String owner = run.getParent().getFullName() + " #" + run.getNumber();
        j.assertLogContains("Listed 5 NetMind endpoint(s) through 1 connection(s)", run);
        j.assertLogContains(
                "row evals-endpoint: OWNED, this controller: true, 1 x NVIDIA_GeForce_RTX_4090 in other, 0.3 usd/h,"
                        + " owner " + owner,
                run);
        j.assertLogContains("row left-by-a-lost-build: ORPHAN, this controller: true", run);
        j.assertLogContains("row past-its-lifetime: EXPIRED, this controller: true", run);
        j.assertLogContains(
                "row other-controllers: OTHER_CONTROLLER, this controller: false, 1 x NVIDIA_GeForce_RTX_4090 in other,"
                        + " 0.3 usd/h, owner team/nightly #41",
                run);
        j.assertLogContains("row made-in-the-console: UNMANAGED, this controller: false", run);
        j.assertLogContains(
                "sorted: [evals-endpoint, left-by-a-lost-build, made-in-the-console, other-controllers,"
                        + " past-its-lifetime]",
                run);
        j.assertLogContains("keys: " + FleetMaps.KEYS, run);
    }

    @Test
    void theReadmeExampleReportsAndMarksTheBuildUnstableForLeftovers() throws Exception {
        endpoints.leftover("left-by-a-lost-build", Instant.now().plus(Duration.ofHours(2)));
        endpoints.unmanaged("made-in-the-console");
        WorkflowRun run = run(readmeBlock("// Report what this controller has running on NetMind"), Result.UNSTABLE);
        j.assertLogContains("NetMind: 2 endpoint(s), 1 of this controller's", run);
        j.assertLogContains("left-by-a-lost-build (", run);
        j.assertLogContains("): ORPHAN, 0.00", run);
        j.assertLogContains("Left over: [left-by-a-lost-build] (the sweep deletes them within 5 minutes)", run);
    }

    @Test
    void aRowIsReadOnly() throws Exception {
        endpoints.unmanaged("made-in-the-console");
        WorkflowRun run = run(
                "def rows = netmindListEndpoints()\n"
                        + "echo \"state before: ${rows[0].state}\"\n"
                        + "rows[0].state = 'ORPHAN'\n"
                        + "echo 'changed it'\n",
                Result.FAILURE);
        j.assertLogContains("state before: UNMANAGED", run);
        j.assertLogContains("java.lang.UnsupportedOperationException", run);
        j.assertLogNotContains("changed it", run);
    }

    @Test
    void withACredentialItListsThroughThatOneOnly() throws Exception {
        endpoints.unmanaged("made-in-the-console");
        NetMindJenkinsFixture.addSecretText("second-account", "netmind-token-other-" + System.nanoTime());
        NetMindGlobalConfiguration.get().setCredentialsId("second-account");
        WorkflowRun run = run(
                "def rows = netmindListEndpoints(credentialsId: '" + CREDENTIALS_ID + "')\n"
                        + "echo \"names: ${rows.collect { it.name }}\"\n",
                Result.SUCCESS);
        j.assertLogContains("Listed 1 NetMind endpoint(s) through 1 connection(s)", run);
        j.assertLogContains("names: [made-in-the-console]", run);
        j.assertLogNotContains("second-account", run);
    }

    @Test
    void aConnectionThatCannotListIsNamedInTheLogAndTheOthersStillAnswer() throws Exception {
        NetMindJenkinsFixture.addSecretText("second-account", "not-a-token-the-simulator-knows");
        NetMindGlobalConfiguration.get().setCredentialsId("second-account");
        WorkflowRun run = run(
                "withNetmindEndpoint(" + ENDPOINT + ", name: 'evals-endpoint') {\n"
                        + "  echo \"names: ${netmindListEndpoints().collect { it.name }}\"\n"
                        + "}\n",
                Result.SUCCESS);
        j.assertLogContains(
                "Could not list the endpoints through credentials 'second-account' at " + sim.baseUrl(), run);
        j.assertLogContains("Listed 1 NetMind endpoint(s) through 2 connection(s)", run);
        j.assertLogContains("names: [evals-endpoint]", run);
    }

    @Test
    void aBuildWithoutOverallReadIsRefused() throws Exception {
        endpoints.unmanaged("made-in-the-console");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        WorkflowJob job = j.createProject(WorkflowJob.class, "as-bob");
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Item.READ, Item.BUILD)
                .onItems(job)
                .to("bob"));
        QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(new MockQueueItemAuthenticator()
                        .authenticate(
                                job.getFullName(), User.getById("bob", true).impersonate2()));

        job.setDefinition(new CpsFlowDefinition("echo \"rows: ${netmindListEndpoints()}\"\n", true));
        WorkflowRun refused = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains(
                "netmindListEndpoints needs Overall/Read, which bob (the build's authentication) does not have",
                refused);
        j.assertLogNotContains("rows:", refused);

        // with a credential, what counts is whether the build may use it: bob may not use the global one
        job.setDefinition(new CpsFlowDefinition(
                "echo \"rows: ${netmindListEndpoints(credentialsId: '" + CREDENTIALS_ID + "')}\"\n", true));
        WorkflowRun noCredential = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("\"" + CREDENTIALS_ID + "\"", noCredential);
        j.assertLogNotContains("rows:", noCredential);
    }

    @Test
    void theSnippetGeneratorAndTheFormRoundTrip() throws Exception {
        SnippetizerTester st = new SnippetizerTester(j);
        st.assertRoundTrip(new NetmindListEndpointsStep(), "netmindListEndpoints()");
        NetmindListEndpointsStep withCredential = new NetmindListEndpointsStep();
        withCredential.setCredentialsId(CREDENTIALS_ID);
        st.assertRoundTrip(withCredential, "netmindListEndpoints credentialsId: '" + CREDENTIALS_ID + "'");
        assertEquals(
                CREDENTIALS_ID,
                new StepConfigTester(j).configRoundTrip(withCredential).getCredentialsId());
        SnippetizerTester.assertDocGeneration(NetmindListEndpointsStep.class);
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            String base = "descriptorByName/" + NetmindListEndpointsStep.class.getName() + "/help";
            assertTrue(wc.goTo(base).asNormalizedText().contains("Returns the rows of the"));
            assertTrue(wc.goTo(base + "/credentialsId").asNormalizedText().contains("Overall/Read"));
        }
    }

    /** The README's one {@code groovy} block that starts with {@code start}. */
    private static String readmeBlock(String start) throws Exception {
        String readme =
                Files.readString(Path.of(System.getProperty("basedir", "."), "README.md"), StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("```groovy\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            if (m.group(1).startsWith(start)) {
                found.add(m.group(1));
            }
        }
        assertEquals(1, found.size(), "README groovy blocks starting with '" + start + "'");
        return found.get(0);
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return j.buildAndAssertStatus(expected, job);
    }
}
