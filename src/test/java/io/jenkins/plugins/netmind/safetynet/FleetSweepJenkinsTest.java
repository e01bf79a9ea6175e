package io.jenkins.plugins.netmind.safetynet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.OneShotEvent;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.client.CreateServiceRequest;
import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.connection.ControllerIdentity;
import io.jenkins.plugins.netmind.freestyle.NetmindEndpointBuildWrapper;
import io.jenkins.plugins.netmind.lifecycle.EndpointMarker;
import io.jenkins.plugins.netmind.lifecycle.EndpointNames;
import io.jenkins.plugins.netmind.lifecycle.FleetState;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.RecordedRequest;
import io.jenkins.plugins.netmind.sim.Route;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LogRecorder;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The fleet sweep: what it deletes (expired, orphaned), what it never touches, and how it copes without a list. */
@WithJenkins
class FleetSweepJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final String FLAVOR = "69475e82e81c4dd6be3467e2ca374e0c";

    private JenkinsRule j;
    private NetMindSimulator sim;
    private final LogRecorder systemLog =
            new LogRecorder().record(FleetSweep.class, Level.INFO).capture(200);

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindJenkinsFixture.startWithFreshToken();
        sim.setReadyDelay(Duration.ofMillis(200));
        NetMindJenkinsFixture.useSimulator(sim);
        NetMindGlobalConfiguration.get().setCredentialsId(NetMindJenkinsFixture.CREDENTIALS_ID);
    }

    @AfterEach
    void tearDown() {
        FleetSweep.clock = Clock.systemUTC();
        systemLog.close();
        sim.close();
    }

    private WorkflowRun start(String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p" + System.nanoTime());
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p.scheduleBuild2(0).waitForStart();
    }

    /** Creates an endpoint on the simulator directly, as another tool (or an earlier life of this one) would. */
    private String create(String name, String description) throws Exception {
        NetMindClient client = sim.clientBuilder().build();
        return client.createService(new CreateServiceRequest(
                        name,
                        description,
                        "usd",
                        CreateServiceRequest.Resources.manual(FLAVOR, 1),
                        new CreateServiceRequest.Deployment("python:3.10-slim", null, 8080, 0)))
                .get()
                .serviceId();
    }

    private static void later(Duration by) {
        FleetSweep.clock = Clock.offset(Clock.systemUTC(), by);
    }

    private SweepReport sweep() throws Exception {
        return FleetSweep.get().sweepNow().get();
    }

    private List<String> sweepLog(String containing) {
        return systemLog.getMessages().stream()
                .filter(m -> m.contains(containing))
                .toList();
    }

    @Test
    void anExpiredEndpointIsDeletedWhileItsBuildRunsAndTheBuildFailsSayingTheLifetimeRanOut() throws Exception {
        WorkflowRun b = start("def ep = netmindDeploy(" + NetMindJenkinsFixture.ENDPOINT + ", maxLifetimeMinutes: 30)\n"
                + "semaphore 'used'\n"
                + "netmindScale(serviceId: ep.serviceId, instances: 2)\n");
        SemaphoreStep.waitForStart("used/1", b);
        String id = NetMindJenkinsFixture.onlyService(sim);
        String description =
                sim.requests(Route.CREATE).get(0).json().get("description").asText();
        EndpointMarker marker = EndpointMarker.parse(description).orElseThrow();
        assertEquals(ControllerIdentity.id(), marker.controllerId(), description);
        assertEquals(b.getParent().getFullName(), marker.job());
        assertEquals(1, marker.build());

        SweepReport early = sweep();
        assertEquals(1, early.getCounts().get(FleetState.OWNED), early.toString());
        assertTrue(sim.liveServices().contains(id), "not yet expired: kept");

        later(Duration.ofMinutes(31));
        SweepReport report = sweep();
        assertEquals(
                List.of(id + " EXPIRED true"),
                report.getDeletions().stream()
                        .map(d -> d.getServiceId() + " " + d.getState() + " " + d.isGone())
                        .toList(),
                report.toString());
        assertTrue(sim.liveServices().isEmpty(), "deleted while its build runs");
        assertTrue(EndpointRegistry.get().getEndpoints().isEmpty(), "the registry's record became DELETED");
        assertEquals(
                1, sweepLog("deleting endpoint").size(), systemLog.getMessages().toString());
        assertTrue(
                sweepLog("deleting endpoint").get(0).contains("its maximum lifetime ran out"),
                sweepLog("deleting").toString());

        SemaphoreStep.success("used/1", null);
        j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));
        j.assertLogContains("its maximum lifetime (30 min) ran out and the controller deleted it", b);
        assertEquals(0, sim.requests(Route.UPDATE).size(), "no scale was sent to a deleted endpoint");
    }

    @Test
    void theBlockEndsSayingTheLifetimeRanOut() throws Exception {
        WorkflowRun b = start("withNetmindEndpoint(" + NetMindJenkinsFixture.ENDPOINT + ", maxLifetimeMinutes: 5) {\n"
                + "  semaphore 'inside'\n"
                + "}\n");
        SemaphoreStep.waitForStart("inside/1", b);
        later(Duration.ofMinutes(6));
        assertEquals(1, sweep().getDeletions().size());
        SemaphoreStep.success("inside/1", null);
        j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));
        j.assertLogContains("its maximum lifetime (5 min) ran out and the controller deleted it", b);
        assertTrue(sim.liveServices().isEmpty());
    }

    @Test
    void theFreestyleWrapperEndsSayingTheLifetimeRanOut() throws Exception {
        NetmindEndpointBuildWrapper wrapper = new NetmindEndpointBuildWrapper("python:3.10-slim");
        wrapper.setGpu("NVIDIA_GeForce_RTX_4090");
        wrapper.setRegion("other");
        wrapper.setGpuCount(0);
        wrapper.setCredentialsId(NetMindJenkinsFixture.CREDENTIALS_ID);
        wrapper.setMaxLifetimeMinutes(20);
        OneShotEvent inside = new OneShotEvent();
        OneShotEvent release = new OneShotEvent();
        FreeStyleProject p = j.createFreeStyleProject("freestyle lifetime");
        p.getBuildWrappersList().add(wrapper);
        p.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                    throws InterruptedException {
                inside.signal();
                release.block();
                return true;
            }
        });
        FreeStyleBuild b = p.scheduleBuild2(0).waitForStart();
        inside.block();
        later(Duration.ofMinutes(21));
        assertEquals(1, sweep().getDeletions().size());
        release.signal();
        j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));
        j.assertLogContains("its maximum lifetime (20 min) ran out and the controller deleted it", b);
        assertTrue(sim.liveServices().isEmpty());
    }

    @Test
    void anEndpointLeftByAnEarlierLifeOfThisControllerIsSweptAndNothingElseIsTouched() throws Exception {
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        String orphan = create(
                "orphan-1", EndpointNames.description(ControllerIdentity.id(), "gone job #3", tomorrow, "abc123"));
        String other =
                create("other-1", EndpointNames.description("0123456789ab", "their job #1", yesterday, "def456"));
        String older = create("older-1", "managed-by=jenkins-netmind owner=team/app_#7 expires=2020-01-01T00:00:00Z");
        String unmanaged = create("mine-by-hand", "test");

        SweepReport report = sweep();

        assertEquals(
                List.of(orphan + " ORPHAN true"),
                report.getDeletions().stream()
                        .map(d -> d.getServiceId() + " " + d.getState() + " " + d.isGone())
                        .toList(),
                report.toString());
        assertEquals(Set.of(other, older, unmanaged), sim.liveServices(), "other controllers' and unmanaged survive");
        assertEquals(2, report.getCounts().get(FleetState.OTHER_CONTROLLER));
        assertEquals(1, report.getCounts().get(FleetState.UNMANAGED));
        assertEquals(1, report.getCounts().get(FleetState.ORPHAN));
        assertEquals(List.of(), report.getErrors());
        assertEquals(1, sim.requests(Route.DELETE).size(), "one DELETE, for the orphan");
        List<String> deleting = sweepLog("deleting endpoint");
        assertEquals(1, deleting.size(), systemLog.getMessages().toString());
        assertTrue(deleting.get(0).contains("orphan-1 (" + orphan + ")"), deleting.get(0));
        assertTrue(deleting.get(0).contains("gone job #3 is not running"), deleting.get(0));

        SweepReport again = sweep();
        assertEquals(List.of(), again.getDeletions(), "nothing left to delete");
        assertSame(again, FleetSweep.get().getLastRun());
    }

    @Test
    void withoutAListRouteTheSweepSaysSoOnceAndDeletesWhatTheRegistryTracks() throws Exception {
        sim.setListMode(NetMindSimulator.ListMode.NOT_FOUND);
        WorkflowRun b = start("netmindDeploy(" + NetMindJenkinsFixture.ENDPOINT + ", maxLifetimeMinutes: 10)\n"
                + "semaphore 'used'\n");
        SemaphoreStep.waitForStart("used/1", b);
        String id = NetMindJenkinsFixture.onlyService(sim);
        String orphan = create(
                "orphan-2",
                EndpointNames.description(
                        ControllerIdentity.id(), "gone job #4", Instant.now().plus(Duration.ofDays(1)), "x1"));

        SweepReport first = sweep();
        assertEquals(List.of(), first.getDeletions(), first.toString());
        assertEquals(1, first.getCounts().get(FleetState.OWNED), "found through the registry");
        assertEquals(1, first.getNotes().size(), first.toString());

        later(Duration.ofMinutes(11));
        SweepReport second = sweep();
        assertEquals(
                List.of(id),
                second.getDeletions().stream()
                        .map(SweepReport.Deletion::getServiceId)
                        .toList(),
                second.toString());
        assertEquals(
                1, sweepLog("has no list route").size(), "said once for the connection: " + systemLog.getMessages());
        assertEquals(
                List.of(orphan),
                List.copyOf(sim.liveServices()),
                "an endpoint the registry does not know cannot be found without a list");
        SemaphoreStep.success("used/1", null);
        j.assertBuildStatus(Result.SUCCESS, j.waitForCompletion(b));
    }

    @Test
    void aLifetimeAboveTheCeilingIsRefusedBeforeAnythingIsCreated() throws Exception {
        NetMindGlobalConfiguration.get().setMaxLifetimeCeilingMinutes(120);
        WorkflowRun b = start("netmindDeploy(" + NetMindJenkinsFixture.ENDPOINT + ", maxLifetimeMinutes: 121)\n");
        j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));
        j.assertLogContains(
                "maxLifetimeMinutes: 121 is above the ceiling of 120 minutes set in Manage Jenkins » System » NetMind"
                        + " Endpoints » Maximum lifetime ceiling",
                b);
        assertEquals(List.of(), sim.requests(Route.CREATE));

        NetMindGlobalConfiguration.get().setDefaultMaxLifetimeMinutes(90);
        WorkflowRun ok = start("netmindDeploy(" + NetMindJenkinsFixture.ENDPOINT + ")\nnetmindTeardown()\n");
        j.assertBuildStatus(Result.SUCCESS, j.waitForCompletion(ok));
        RecordedRequest create = sim.requests(Route.CREATE).get(0);
        Instant expires = EndpointMarker.parse(create.json().get("description").asText())
                .orElseThrow()
                .expires();
        assertEquals(90, Duration.between(create.at(), expires).plusSeconds(30).toMinutes(), "the global default");
    }
}
