package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.hudson.plugins.folder.properties.FolderCredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.freestyle.NetmindEndpointBuildWrapper;
import io.jenkins.plugins.netmind.lifecycle.FleetRow;
import io.jenkins.plugins.netmind.lifecycle.FleetState;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.NetMindBuildAction;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import io.jenkins.plugins.netmind.safetynet.FleetSweep;
import io.jenkins.plugins.netmind.safetynet.SweepReport;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import io.jenkins.plugins.netmind.warm.WarmEndpoints;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Warm endpoints across builds (issue 13) in real builds against the simulator: reuse, an exclusive lease, no parking
 * after a failure, a parked endpoint that died, idle expiry, the feature switch and the forms.
 */
@WithJenkins
class WarmPoolJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    /** The test endpoint, asked to be kept warm for 30 idle minutes. */
    static final String WARM = ENDPOINT + ", keepWarmMinutes: 30";

    private JenkinsRule j;
    private NetMindSimulator sim;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindJenkinsFixture.startWithFreshToken();
        NetMindJenkinsFixture.useSimulator(sim);
        NetMindGlobalConfiguration.get().setMaxKeepWarmMinutes(60);
    }

    @AfterEach
    void tearDown() {
        WarmEndpoints.minuteForTests = null;
        sim.close();
    }

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    /** Waits for something the background does (the safety net, an idle timer); the bound only stops a hang. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), "condition not reached");
    }

    private static List<RecordedEndpoint> parked() {
        return EndpointRegistry.get().parked();
    }

    @Test
    void secondBuildReusesTheFirstBuildsEndpointAndCreatesNothing() throws Exception {
        sim.setReadyDelay(Duration.ofSeconds(5)); // a (very) short start-up, for the numbers printed below
        WorkflowJob p = pipeline(
                "reuse", "def ep = netmindDeploy(" + WARM + ")\n" + "echo \"id=${ep.serviceId} url=${ep.url}\"\n");

        WorkflowRun first = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        String id = NetMindJenkinsFixture.onlyService(sim);
        String name = sim.name(id).orElseThrow();
        j.assertLogContains("Keeping endpoint " + name + " (service " + id + ") warm for 30 idle minute(s)", first);
        assertEquals(Set.of(id), sim.liveServices(), "parked, not deleted");
        assertEquals(1, parked().size(), "the pool's record");
        assertTrue(
                EndpointRegistry.get().forRun(first.getExternalizableId()).isEmpty(),
                "no longer the first build's: its safety net must not delete it");
        assertTrue(
                first.getAction(NetMindBuildAction.class)
                        .getSummaries()
                        .get(0)
                        .getState()
                        .startsWith("kept warm for the next build"),
                "the build page says it was kept warm");
        sim.clearRequests();

        WorkflowRun second = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        j.assertLogContains("Reusing warm endpoint " + name + " (service " + id + "), parked ", second);
        j.assertLogContains("of start-up", second);
        j.assertLogContains("id=" + id + " url=" + sim.endpointUrl(id), second);
        j.assertLogNotContains("Creating NetMind endpoint", second);
        assertTrue(sim.requests(Route.CREATE).isEmpty(), "the second build created nothing");
        assertEquals(1, sim.requests(Route.GET).size(), "one GET checked it: no wait for a start-up");
        System.out.printf(
                "WarmPool: first build %d ms (endpoint start-up 5 s), second build (reused) %d ms%n",
                first.getDuration(), second.getDuration());
        assertEquals(Set.of(id), sim.allServices());
        j.assertLogContains("Keeping endpoint " + name, second);
        assertEquals(1, parked().size(), "parked again for the next build");
    }

    @Test
    void theFleetSweepShowsAParkedEndpointAsParkedAndLeavesIt() throws Exception {
        WorkflowJob p = pipeline("parked-sweep", "netmindDeploy(" + WARM + ")\n");
        j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        String id = NetMindJenkinsFixture.onlyService(sim);
        assertEquals(1, parked().size());

        SweepReport report = FleetSweep.get().sweepNow().get(1, TimeUnit.MINUTES);

        assertEquals(List.of(), report.getDeletions(), "the sweep deleted nothing");
        assertEquals(Set.of(id), sim.liveServices(), "still parked for the next build");
        List<FleetRow> rows = FleetSweep.get().snapshot().get(1, TimeUnit.MINUTES).stream()
                .flatMap(listing -> listing.rows().stream())
                .toList();
        assertEquals(1, rows.size());
        assertEquals(id, rows.get(0).serviceId());
        assertEquals(FleetState.PARKED, rows.get(0).state());
    }

    @Test
    void aDeployWaitingForCapacityMakesTheParkedEndpointGiveItsRoomUp() throws Exception {
        NetMindGlobalConfiguration.get().setMaxLiveEndpoints(1);
        j.assertBuildStatusSuccess(
                pipeline("parks", "netmindDeploy(" + WARM + ")\n").scheduleBuild2(0));
        String parkedId = NetMindJenkinsFixture.onlyService(sim);
        String parkedName = sim.name(parkedId).orElseThrow();
        assertEquals(1, parked().size(), "parked, and holding the one slot");

        WorkflowRun other = j.assertBuildStatusSuccess(pipeline(
                        "waits",
                        "def ep = netmindDeploy(" + ENDPOINT + ")\necho \"got ${ep.serviceId}\"\nnetmindTeardown()\n")
                .scheduleBuild2(0));

        j.assertLogContains("waiting for capacity: 1 of 1 endpoints live", other);
        j.assertLogContains(
                "Deleting warm endpoint " + parkedName + " (service " + parkedId
                        + "), parked for a later build: a deploy is waiting for capacity",
                other);
        assertEquals(List.of(), parked(), "the pool gave its endpoint up");
        await(() -> sim.liveServices().isEmpty());
        assertEquals(2, sim.allServices().size());
        assertEquals(1, sim.peak().endpoints(), "never more than the limit live at once");
    }

    @Test
    void theReadmesExampleReusesTheEndpointInItsSecondBuild() throws Exception {
        WorkflowJob p = pipeline("pr", ReadmePipelineJenkinsTest.readmeBlock("// a pull-request build"));
        FilePath script = j.jenkins.getWorkspaceFor(p).child("run-evals.sh");
        script.write("#!/bin/sh\necho \"run-evals.sh called with: $*\"\n", "UTF-8");
        script.chmod(0755);

        WorkflowRun first = j.buildAndAssertSuccess(p);
        WorkflowRun second = j.buildAndAssertSuccess(p);

        String id = NetMindJenkinsFixture.onlyService(sim);
        j.assertLogContains("run-evals.sh called with: " + sim.endpointUrl(id), first);
        j.assertLogContains("Reusing warm endpoint " + sim.name(id).orElseThrow(), second);
        j.assertLogContains("run-evals.sh called with: " + sim.endpointUrl(id), second);
        j.assertLogContains("warm for 45 idle minute(s)", second);
    }

    @Test
    void everyFrontEndParksAndReuses() throws Exception {
        WorkflowJob block = pipeline(
                "block",
                "withNetmindEndpoint(" + WARM + ") {\n" + "  echo \"block url=${env.NETMIND_ENDPOINT_URL}\"\n" + "}\n");
        WorkflowRun b1 = j.assertBuildStatusSuccess(block.scheduleBuild2(0));
        String id = NetMindJenkinsFixture.onlyService(sim);
        j.assertLogContains("Keeping endpoint", b1);
        j.assertLogNotContains("Deleted endpoint", b1);

        WorkflowJob teardown = pipeline(
                "teardown",
                "def ep = netmindDeploy(" + WARM + ")\n"
                        + "def n = netmindTeardown(credentialsId: '" + CREDENTIALS_ID + "')\n"
                        + "echo \"handled ${n}\"\n");
        WorkflowRun b2 = j.assertBuildStatusSuccess(teardown.scheduleBuild2(0));
        j.assertLogContains("Reusing warm endpoint", b2);
        j.assertLogContains("Keeping endpoint", b2);
        j.assertLogContains("handled 1", b2);

        FreeStyleProject free = j.createFreeStyleProject("free");
        NetmindEndpointBuildWrapper wrapper = new NetmindEndpointBuildWrapper("python:3.10-slim");
        wrapper.setGpu("NVIDIA_GeForce_RTX_4090");
        wrapper.setRegion("other");
        wrapper.setGpuCount(0);
        wrapper.setCredentialsId(CREDENTIALS_ID);
        wrapper.setKeepWarmMinutes(30);
        free.getBuildWrappersList().add(wrapper);
        FreeStyleBuild b3 = j.buildAndAssertSuccess(free);
        j.assertLogContains("Reusing warm endpoint", b3);
        j.assertLogContains("Keeping endpoint", b3);

        assertEquals(Set.of(id), sim.allServices(), "one endpoint served all three builds");
        assertEquals(Set.of(id), sim.liveServices());
        assertEquals(1, parked().size());
    }

    @Test
    void twoConcurrentBuildsNeverShareTheParkedEndpoint() throws Exception {
        WorkflowJob p = pipeline(
                "concurrent",
                "def ep = netmindDeploy(" + WARM + ")\n" + "echo \"id=${ep.serviceId}\"\n" + "semaphore 'hold'\n");
        WorkflowRun warmUp = p.scheduleBuild2(0).waitForStart();
        SemaphoreStep.success("hold/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(warmUp));
        String parkedId = NetMindJenkinsFixture.onlyService(sim);

        WorkflowRun a = p.scheduleBuild2(0).waitForStart();
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("hold/2", a);
        SemaphoreStep.waitForStart("hold/3", b);

        assertEquals(2, sim.allServices().size(), "one reused, one created");
        assertEquals(2, sim.liveServices().size());
        String logs = JenkinsRule.getLog(a) + JenkinsRule.getLog(b);
        assertEquals(1, count(logs, "Reusing warm endpoint"), logs);
        assertEquals(1, count(logs, "Creating NetMind endpoint"), logs);
        assertTrue(logs.contains("id=" + parkedId), logs);
        String other = sim.allServices().stream()
                .filter(s -> !s.equals(parkedId))
                .findFirst()
                .orElseThrow();
        assertTrue(logs.contains("id=" + other), logs);
        assertTrue(parked().isEmpty(), "both builds hold one each");

        SemaphoreStep.success("hold/2", null);
        SemaphoreStep.success("hold/3", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(a));
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        assertEquals(2, parked().size(), "both parked for later builds");
    }

    private static long count(String text, String fragment) {
        return text.lines().filter(l -> l.contains(fragment)).count();
    }

    @Test
    void failedBuildDeletesItsEndpointUnlessAskedToKeepItOnFailure() throws Exception {
        WorkflowJob p = pipeline("failing", "netmindDeploy(" + WARM + ")\n" + "error 'the tests failed'\n");

        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        String id = NetMindJenkinsFixture.onlyService(sim);
        j.assertLogContains("instead of keeping it warm: the build failed or was aborted", b);
        await(() -> sim.liveServices().isEmpty());
        assertTrue(parked().isEmpty());

        WorkflowJob keep = pipeline(
                "keep-on-failure",
                "netmindDeploy(" + WARM + ", keepWarmOnFailure: true)\n" + "error 'the tests failed'\n");
        WorkflowRun kept = j.assertBuildStatus(Result.FAILURE, keep.scheduleBuild2(0));
        j.assertLogContains("Keeping endpoint", kept);
        assertEquals(1, parked().size());
        assertFalse(sim.liveServices().contains(id));
        assertEquals(1, sim.liveServices().size());
    }

    /** A folder with its own Secret text credential {@code folder-token} holding {@code token}. */
    private Folder folderWithToken(String name, String token) throws Exception {
        Folder folder = j.jenkins.createProject(Folder.class, name);
        CredentialsStore store = StreamSupport.stream(
                        CredentialsProvider.lookupStores(folder).spliterator(), false)
                .filter(s -> s.getProvider() instanceof FolderCredentialsProvider && s.getContext() == folder)
                .findFirst()
                .orElseThrow();
        store.addCredentials(
                Domain.global(),
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "folder-token", "NetMind token", Secret.fromString(token)));
        return folder;
    }

    @Test
    void anotherFoldersCredentialWithTheSameIdNeverGetsTheEndpoint() throws Exception {
        String otherToken = "netmind-other-account-" + UUID.randomUUID();
        sim.addAccount(otherToken);
        String script = "def ep = netmindDeploy(image: 'python:3.10-slim', gpu: 'NVIDIA_GeForce_RTX_4090',"
                + " region: 'other', gpuCount: 0, credentialsId: 'folder-token', keepWarmMinutes: 30)\n"
                + "echo \"id=${ep.serviceId}\"\n";
        WorkflowJob a = folderWithToken("team-a", sim.token()).createProject(WorkflowJob.class, "evals");
        a.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowJob b = folderWithToken("team-b", otherToken).createProject(WorkflowJob.class, "evals");
        b.setDefinition(new CpsFlowDefinition(script, true));
        j.assertBuildStatusSuccess(a.scheduleBuild2(0));
        String parkedByA = NetMindJenkinsFixture.onlyService(sim);

        WorkflowRun other = j.assertBuildStatusSuccess(b.scheduleBuild2(0));

        j.assertLogContains("was parked with another NetMind account's credential of the same id", other);
        j.assertLogNotContains("Reusing warm endpoint", other);
        j.assertLogContains("Creating NetMind endpoint", other);
        assertEquals(2, sim.allServices().size());
        assertEquals(2, parked().size(), "A's endpoint went back to the pool, B's is parked too");
        assertTrue(WarmEndpoints.get().pool().isParked(parkedByA));

        WorkflowRun same = j.assertBuildStatusSuccess(a.scheduleBuild2(0));
        j.assertLogContains("Reusing warm endpoint", same);
        j.assertLogContains("id=" + parkedByA, same);
    }

    @Test
    void parkedEndpointThatDiedIsDeletedAndReplaced() throws Exception {
        WorkflowJob p = pipeline("died", "def ep = netmindDeploy(" + WARM + ")\n" + "echo \"id=${ep.serviceId}\"\n");
        j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        String dead = NetMindJenkinsFixture.onlyService(sim);
        sim.clientBuilder().build().deleteService(dead).get(); // it died on NetMind's side

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        j.assertLogContains("(service " + dead + ") is not fit for reuse", b);
        j.assertLogContains("Creating NetMind endpoint", b);
        j.assertLogNotContains("Reusing warm endpoint", b);
        assertEquals(2, sim.allServices().size(), "a fresh endpoint replaced it");
        String fresh = sim.liveServices().iterator().next();
        j.assertLogContains("id=" + fresh, b);
        await(() -> EndpointRegistry.get().getEndpoints().stream().noneMatch(r -> dead.equals(r.getServiceId())));
        assertEquals(1, parked().size(), "the fresh one is parked");
        assertEquals(fresh, parked().get(0).getServiceId());
    }

    @Test
    void idleEndpointIsDeletedAfterItsTime() throws Exception {
        WarmEndpoints.minuteForTests = Duration.ofMillis(300);
        WorkflowJob p = pipeline("idle", "netmindDeploy(" + ENDPOINT + ", keepWarmMinutes: 1)\n");

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        String id = NetMindJenkinsFixture.onlyService(sim);
        j.assertLogContains("warm for 1 idle minute(s)", b);
        await(() -> sim.liveServices().isEmpty());
        await(() -> EndpointRegistry.get().getEndpoints().isEmpty());
        assertTrue(sim.status(id).isPresent());
        assertFalse(WarmEndpoints.get().pool().isParked(id));
    }

    @Test
    void offUntilAnAdministratorAllowsIt() throws Exception {
        NetMindGlobalConfiguration.get().setMaxKeepWarmMinutes(0);
        WorkflowJob p = pipeline("off", "netmindDeploy(" + WARM + ")\n");

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        j.assertLogContains("keepWarmMinutes: 30 is ignored: an administrator has not allowed warm endpoints", b);
        await(() -> sim.liveServices().isEmpty());
        assertTrue(parked().isEmpty());

        NetMindGlobalConfiguration.get().setMaxKeepWarmMinutes(10);
        WorkflowRun cut = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        j.assertLogContains("keepWarmMinutes: 30 is more than the 10 minutes an administrator allows", cut);
        j.assertLogContains("warm for 10 idle minute(s)", cut);
    }

    @Test
    void formsAndSnippetsKeepTheKeepWarmSettings() throws Exception {
        NetmindDeployStep deploy = new NetmindDeployStep("python:3.10-slim");
        deploy.setGpu("NVIDIA_GeForce_RTX_4090");
        deploy.setKeepWarmMinutes(30);
        deploy.setKeepWarmOnFailure(true);
        NetmindDeployStep after = new StepConfigTester(j).configRoundTrip(deploy);
        assertEquals(30, after.getKeepWarmMinutes());
        assertTrue(after.isKeepWarmOnFailure());
        new SnippetizerTester(j)
                .assertRoundTrip(
                        deploy,
                        "netmindDeploy gpu: 'NVIDIA_GeForce_RTX_4090', image: 'python:3.10-slim',"
                                + " keepWarmMinutes: 30, keepWarmOnFailure: true");

        WithNetmindEndpointStep block = new WithNetmindEndpointStep("python:3.10-slim");
        block.setGpu("NVIDIA_GeForce_RTX_4090");
        block.setKeepWarmMinutes(15);
        assertEquals(15, new StepConfigTester(j).configRoundTrip(block).getKeepWarmMinutes());

        FreeStyleProject free = j.createFreeStyleProject("form");
        NetmindEndpointBuildWrapper wrapper = new NetmindEndpointBuildWrapper("python:3.10-slim");
        wrapper.setGpu("NVIDIA_GeForce_RTX_4090");
        wrapper.setKeepWarmMinutes(20);
        wrapper.setKeepWarmOnFailure(true);
        free.getBuildWrappersList().add(wrapper);
        j.configRoundtrip(free);
        NetmindEndpointBuildWrapper saved = free.getBuildWrappersList().get(NetmindEndpointBuildWrapper.class);
        assertEquals(20, saved.getKeepWarmMinutes());
        assertTrue(saved.isKeepWarmOnFailure());

        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> NetMindGlobalConfiguration.get().setMaxKeepWarmMinutes(-1));
        assertEquals(
                "Enter a whole number of minutes from 0 (warm endpoints off) to 10080 (got \"-1\").",
                refused.getMessage());
        NetMindGlobalConfiguration.get().setMaxKeepWarmMinutes(45);
        j.configRoundtrip();
        assertEquals(45, NetMindGlobalConfiguration.get().getMaxKeepWarmMinutes());
        WorkflowRun negative = j.buildAndAssertStatus(
                Result.FAILURE, pipeline("negative", "netmindDeploy(" + ENDPOINT + ", keepWarmMinutes: -5)\n"));
        j.assertLogContains("keepWarmMinutes must be 0 (delete the endpoint when done) or more, not -5.", negative);
        assertTrue(sim.allServices().isEmpty(), "refused before anything was created");
    }
}
