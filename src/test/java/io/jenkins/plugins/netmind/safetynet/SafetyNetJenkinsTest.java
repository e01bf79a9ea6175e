package io.jenkins.plugins.netmind.safetynet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.User;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.NetMindBuildAction;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Credentials lookups, the build's record, and the safety net that deletes what a build leaves running. */
@WithJenkins
class SafetyNetJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final String FLAVOR = "69475e82e81c4dd6be3467e2ca374e0c";

    private JenkinsRule j;
    private NetMindSimulator sim;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindJenkinsFixture.startWithFreshToken();
        sim.setReadyDelay(Duration.ofMillis(200));
        NetMindJenkinsFixture.useSimulator(sim, "netmind");
        NetMindJenkinsFixture.addCredentials(NetMindJenkinsFixture.usernamePassword("userpass"));
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    private WorkflowJob pipeline(String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p" + System.nanoTime());
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        return j.assertBuildStatus(expected, pipeline(script).scheduleBuild2(0));
    }

    @Test
    void credentialsProblemsEndWithAClearAbort() throws Exception {
        WorkflowRun b = run("echo 'hi'", Result.SUCCESS);

        AbortException none = assertThrows(AbortException.class, () -> NetMindConnector.connect(b, null));
        assertTrue(none.getMessage().contains("credentialsId"), none.getMessage());

        AbortException unknown = assertThrows(AbortException.class, () -> NetMindConnector.connect(b, "nope"));
        assertTrue(unknown.getMessage().contains("\"nope\""), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("Secret text"), unknown.getMessage());

        AbortException wrongKind = assertThrows(AbortException.class, () -> NetMindConnector.connect(b, "userpass"));
        assertTrue(wrongKind.getMessage().contains("Username with password"), wrongKind.getMessage());
        assertTrue(wrongKind.getMessage().contains("Secret text"), wrongKind.getMessage());

        NetMindGlobalConfiguration.get().setCredentialsId("netmind");
        Connection connection = NetMindConnector.connect(b, null);
        assertEquals("netmind", connection.credentialsId());
        assertEquals(sim.baseUrl().toString(), connection.apiUrl());
        assertFalse(connection.toString().contains(sim.token()));
    }

    @Test
    void theLeftoversOfADeletedBuildUseACredentialOnlyAsTheJobsBuildsMay() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        WorkflowJob asBob = pipeline("echo 'runs as bob'");
        WorkflowJob asDefault = pipeline("echo 'runs with the default authentication'");
        QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(new MockQueueItemAuthenticator()
                        .authenticate(
                                asBob.getFullName(), User.getById("bob", true).impersonate2()));
        String apiUrl = sim.baseUrl().toString();

        // bob may not use the controller's global credentials: his job's leftovers are not deleted with them
        AbortException refused = assertThrows(
                AbortException.class,
                () -> NetMindConnector.connectForCleanup(null, asBob.getFullName(), "netmind", apiUrl));
        assertTrue(refused.getMessage().contains("\"netmind\""), refused.getMessage());

        Connection allowed = NetMindConnector.connectForCleanup(null, asDefault.getFullName(), "netmind", apiUrl);
        assertEquals("netmind", allowed.credentialsId());
    }

    @Test
    void aPipelineWithoutPostBlockLeavesNothingRunning() throws Exception {
        WorkflowRun b = run(
                "def ep = netmindDeploy(credentialsId: 'netmind', image: 'python:3.10-slim', flavorId: '" + FLAVOR
                        + "', port: 8080)\necho \"got ${ep.serviceId}\"",
                Result.SUCCESS);
        j.assertLogContains("this build left 1 endpoint(s) running; deleting them in the background", b);

        await(() -> sim.liveServices().isEmpty());
        await(() -> EndpointRegistry.get().forRun(b.getExternalizableId()).isEmpty());
        List<LedgerEntry> entries = b.getAction(NetMindBuildAction.class).getEntries();
        assertEquals(1, entries.size());
        assertEquals(LedgerEntry.State.DELETED, entries.get(0).state());
        assertEquals(1, sim.allServices().size());
    }

    @Test
    void aFailedBuildIsCleanedUpToo() throws Exception {
        run(
                "netmindDeploy(credentialsId: 'netmind', image: 'python:3.10-slim', flavorId: '" + FLAVOR
                        + "', port: 8080)\nerror 'the tests failed'",
                Result.FAILURE);
        await(() -> sim.liveServices().isEmpty());
        await(() -> EndpointRegistry.get().getEndpoints().isEmpty());
    }

    @Test
    void anAbortedBuildIsCleanedUpToo() throws Exception {
        WorkflowJob p = pipeline("netmindDeploy(credentialsId: 'netmind', image: 'python:3.10-slim', flavorId: '"
                + FLAVOR + "', port: 8080)\nsemaphore 'tests'");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("tests/1", b);
        assertEquals(1, sim.liveServices().size(), "the endpoint is up while the build runs");

        b.doStop();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        await(() -> sim.liveServices().isEmpty());
        await(() -> EndpointRegistry.get().forRun(b.getExternalizableId()).isEmpty());
    }

    @Test
    void aBuildDeletedWhileTheSafetyNetRetriesStaysDeleted() throws Exception {
        sim.faults().on(Route.DELETE).always().respond(500);
        WorkflowRun b = run(
                "netmindDeploy(credentialsId: 'netmind', image: 'python:3.10-slim', flavorId: '" + FLAVOR
                        + "', port: 8080)",
                Result.SUCCESS);
        String runId = b.getExternalizableId();
        File dir = b.getRootDir();
        await(() -> !sim.requests(Route.DELETE).isEmpty());

        b.delete();
        assertFalse(dir.exists());
        sim.faults().clear();

        await(() -> sim.liveServices().isEmpty());
        await(() -> EndpointRegistry.get().forRun(runId).isEmpty());
        assertFalse(dir.exists(), "recording the deletion brought the deleted build's directory back");
    }

    @Test
    void theTokenIsInNoLogNoBuildFileAndNoJenkinsHomeFile() throws Exception {
        WorkflowRun b = run(
                "netmindDeploy(credentialsId: 'netmind', image: 'python:3.10-slim', flavorId: '" + FLAVOR
                        + "', port: 8080)",
                Result.SUCCESS);
        await(() -> sim.liveServices().isEmpty());
        await(() -> EndpointRegistry.get().getEndpoints().isEmpty());
        j.assertLogNotContains(sim.token(), b);
        assertEquals(
                List.of(),
                NetMindJenkinsFixture.filesOutsideArchivesContaining(
                        b.getRootDir().toPath(), sim.token()),
                "build directory");
        assertEquals(
                List.of(),
                NetMindJenkinsFixture.filesOutsideArchivesContaining(
                        j.jenkins.getRootDir().toPath(), sim.token()),
                "JENKINS_HOME");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for the safety net");
            Thread.sleep(100);
        }
    }
}
