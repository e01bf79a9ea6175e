package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.onlyService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.hudson.plugins.folder.properties.FolderCredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.record.NetMindBuildAction;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** netmindDeploy, netmindScale and netmindTeardown in real Pipelines against the simulator. */
@WithJenkins
class NetmindDeployStepJenkinsTest {

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

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    @Test
    void deployReturnsWhatLaterStagesNeedAndTeardownDeletesIt() throws Exception {
        WorkflowJob p = pipeline(
                "happy",
                "def ep = netmindDeploy(" + ENDPOINT + ")\n"
                        + "echo \"url=${ep.url} id=${ep.serviceId} name=${ep.name} flavor=${ep.flavorId}"
                        + " instances=${ep.instances} price=${ep.pricePerHour}\"\n"
                        + "def scaled = netmindScale(serviceId: ep.serviceId, instances: 2, credentialsId: '"
                        + CREDENTIALS_ID + "')\n"
                        + "echo \"scaled to ${scaled.instances}\"\n"
                        + "netmindTeardown(credentialsId: '" + CREDENTIALS_ID + "')\n");

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        String id = onlyService(sim);
        j.assertLogContains(
                "url=" + sim.endpointUrl(id) + " id=" + id + " name="
                        + sim.name(id).orElseThrow(),
                b);
        j.assertLogContains("flavor=7b2f36d30e0743debc6c60d5017e2d16 instances=1 price=0.3", b);
        j.assertLogContains("scaled to 2", b);
        assertEquals(Set.of(), sim.liveServices(), "netmindTeardown() deleted the endpoint");
        assertEquals(
                List.of(),
                NetMindJenkinsFixture.filesContaining(b.getRootDir().toPath(), sim.token()),
                "token on disk");
        j.assertLogNotContains(sim.token(), b);
    }

    @Test
    void teardownNamesEndpointsAndAnEndpointAlreadyGoneIsNoFailure() throws Exception {
        WorkflowJob p = pipeline(
                "named",
                "def a = netmindDeploy(" + ENDPOINT + ")\n"
                        + "def b = netmindDeploy(" + ENDPOINT + ")\n"
                        + "netmindTeardown(serviceId: a.serviceId, credentialsId: '"
                        + CREDENTIALS_ID
                        + "')\n"
                        + "echo \"after one: ${b.serviceId} still up\"\n"
                        + "netmindTeardown(serviceIds: [a.serviceId, b.serviceId], credentialsId: '"
                        + CREDENTIALS_ID + "')\n"
                        + "netmindTeardown(credentialsId: '" + CREDENTIALS_ID + "')\n");

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        assertEquals(2, sim.allServices().size());
        assertEquals(Set.of(), sim.liveServices());
        j.assertLogNotContains("may still exist", b);
    }

    @Test
    void unknownCredentialsIdSaysWhatToFix() throws Exception {
        WorkflowJob p = pipeline(
                "unknown",
                "netmindDeploy(image: 'python:3.10-slim', gpu: 'NVIDIA_GeForce_RTX_4090'," + " credentialsId: 'nope')");

        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains("No credentials with id \"nope\" are visible to this build.", b);
        assertEquals(Set.of(), sim.allServices());
    }

    @Test
    void credentialOfTheWrongKindSaysWhatKindIsNeeded() throws Exception {
        NetMindJenkinsFixture.addCredentials(NetMindJenkinsFixture.usernamePassword("userpass"));
        WorkflowJob p = pipeline(
                "kind",
                "netmindDeploy(image: 'python:3.10-slim', gpu: 'NVIDIA_GeForce_RTX_4090',"
                        + " credentialsId: 'userpass')");

        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains("NetMind needs a Secret text credential holding the API token", b);
        j.assertLogNotContains("secret-pass", b);
    }

    @Test
    void missingHardwareIsRefusedBeforeAnyCall() throws Exception {
        WorkflowJob p =
                pipeline("nohw", "netmindDeploy(image: 'python:3.10-slim', credentialsId: '" + CREDENTIALS_ID + "')");

        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains("No hardware given: set the GPU model (gpu,", b);
        assertEquals(List.of(), sim.requests());
    }

    @Test
    void noFittingFlavorListsWhatIsOffered() throws Exception {
        WorkflowJob p = pipeline(
                "noflavor",
                "netmindDeploy(image: 'python:3.10-slim', gpu: 'NVIDIA_B200'," + " credentialsId: '" + CREDENTIALS_ID
                        + "')");

        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        // one short line: each GPU name once, with its regions
        j.assertLogContains(
                "No flavor named NVIDIA_B200; NetMind offers: NVIDIA_A100_80GB (other), NVIDIA_GeForce_RTX_4090 (cn,"
                        + " other), NVIDIA_H100_80GB (other)",
                b);
        assertEquals(Set.of(), sim.allServices());
    }

    @Test
    void terminalStatusFailsTheBuildAndDeletesTheEndpoint() throws Exception {
        sim.faults().on(Route.GET).always().terminalFailure("image pull failed");
        WorkflowJob p = pipeline("terminal", "netmindDeploy(" + ENDPOINT + ")");

        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains("image pull failed", b);
        assertEquals(Set.of(), sim.liveServices(), "nothing left running");
    }

    @Test
    void timeoutFailsTheBuildAndDeletesTheEndpoint() throws Exception {
        sim.setReadyDelay(Duration.ofHours(1));
        EndpointSettings.setTimeoutMinuteForTests(Duration.ofSeconds(5)); // timeoutMinutes: 1 waits 5 s, not a minute
        try {
            WorkflowJob p = pipeline("timeout", "netmindDeploy(" + ENDPOINT + ", timeoutMinutes: 1)");

            WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

            j.assertLogContains("was not available within 5s", b);
            assertEquals(Set.of(), sim.liveServices());
        } finally {
            EndpointSettings.setTimeoutMinuteForTests(null);
        }
    }

    @Test
    void abortWhileWaitingDeletesTheEndpoint() throws Exception {
        sim.setReadyDelay(Duration.ofHours(1));
        WorkflowJob p = pipeline("abort", "netmindDeploy(" + ENDPOINT + ")");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("created: service id", b);

        b.doStop();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogContains("Stopping: deleting NetMind endpoint", b);
        assertEquals(1, sim.allServices().size());
        assertEquals(Set.of(), sim.liveServices(), "the abort deleted the endpoint");
    }

    @Test
    void aFolderScopedCredentialIsSeenByTheFoldersJobsOnly() throws Exception {
        Folder team = j.jenkins.createProject(Folder.class, "team");
        CredentialsStore folderStore = StreamSupport.stream(
                        CredentialsProvider.lookupStores(team).spliterator(), false)
                .filter(store -> store.getProvider() instanceof FolderCredentialsProvider && store.getContext() == team)
                .findFirst()
                .orElseThrow();
        folderStore.addCredentials(
                Domain.global(),
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "team-token", "team token", Secret.fromString(sim.token())));
        WorkflowJob inside = team.createProject(WorkflowJob.class, "deploy");
        inside.setDefinition(new CpsFlowDefinition(
                "def ep = netmindDeploy(image: 'python:3.10-slim', gpu: 'NVIDIA_GeForce_RTX_4090', gpuCount: 0,"
                        + " credentialsId: 'team-token')\n"
                        + "netmindTeardown(credentialsId: 'team-token')",
                true));
        WorkflowJob outside = pipeline(
                "other-job",
                "netmindDeploy(image: 'python:3.10-slim', gpu: 'NVIDIA_GeForce_RTX_4090', credentialsId: 'team-token')");

        WorkflowRun deployed = j.assertBuildStatusSuccess(inside.scheduleBuild2(0));
        WorkflowRun refused = j.assertBuildStatus(Result.FAILURE, outside.scheduleBuild2(0));

        j.assertLogContains("No credentials with id \"team-token\" are visible to this build.", refused);
        assertEquals(1, sim.allServices().size(), "only the folder's job deployed");
        assertEquals(Set.of(), sim.liveServices());
        assertEquals(
                "team-token",
                deployed.getAction(NetMindBuildAction.class)
                        .getEndpoints()
                        .get(0)
                        .getCredentialsId(),
                "the build recorded the folder's credential for the safety net");
    }

    @Test
    void defaultCredentialsFromTheGlobalConfigurationAreUsedWhenNoneAreNamed() throws Exception {
        io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration.get().setCredentialsId(CREDENTIALS_ID);
        WorkflowJob p = pipeline(
                "defaults",
                "def ep = netmindDeploy(image: 'python:3.10-slim',"
                        + " gpu: 'NVIDIA_GeForce_RTX_4090', gpuCount: 0)\nnetmindTeardown()");

        j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        assertEquals(1, sim.allServices().size());
        assertTrue(sim.liveServices().isEmpty());
    }
}
