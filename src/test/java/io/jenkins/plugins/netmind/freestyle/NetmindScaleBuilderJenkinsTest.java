package io.jenkins.plugins.netmind.freestyle;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.onlyService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.tasks.Builder;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.client.CreateServiceRequest;
import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.record.NetMindBuildAction;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.RecordedRequest;
import io.jenkins.plugins.netmind.sim.Route;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** "Scale a NetMind endpoint" in real freestyle builds against the simulator. */
@WithJenkins
class NetmindScaleBuilderJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    /** What {@link SimulatorSays} read, by build. */
    static final Map<String, Integer> TARGETED = new ConcurrentHashMap<>();

    private static NetMindSimulator sim;
    private JenkinsRule j;

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

    private static NetmindEndpointBuildWrapper wrapper() {
        NetmindEndpointBuildWrapper wrapper = new NetmindEndpointBuildWrapper("python:3.10-slim");
        wrapper.setGpu("NVIDIA_GeForce_RTX_4090");
        wrapper.setRegion("other");
        wrapper.setGpuCount(0);
        wrapper.setCredentialsId(CREDENTIALS_ID);
        return wrapper;
    }

    private FreeStyleProject project(String name, NetmindEndpointBuildWrapper wrapper, Builder... steps)
            throws Exception {
        FreeStyleProject p = j.createFreeStyleProject(name);
        if (wrapper != null) {
            p.getBuildWrappersList().add(wrapper);
        }
        for (Builder step : steps) {
            p.getBuildersList().add(step);
        }
        return p;
    }

    /** A build step that asks the simulator, as a NetMind client, how many instances the service targets now. */
    static final class SimulatorSays extends TestBuilder {

        private final String variable;

        SimulatorSays(String variable) {
            this.variable = variable;
        }

        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException {
            try {
                String id = build.getEnvironment(listener).get(variable);
                NetMindClient client = sim.clientBuilder().build();
                TARGETED.put(
                        build.getExternalizableId(),
                        client.getService(id).get().resourceMetadata().targetInstanceNumber());
                return true;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void scalesTheWrappersEndpointByDefault() throws Exception {
        NetmindScaleBuilder scale = new NetmindScaleBuilder(3);
        FreeStyleProject p = project("scale", wrapper(), scale, new SimulatorSays("NETMIND_SERVICE_ID"));

        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        String id = onlyService(sim);
        String name = sim.name(id).orElseThrow();
        assertEquals(3, TARGETED.get(b.getExternalizableId()), "instances NetMind targets after the step");
        List<RecordedRequest> updates = sim.requests(Route.UPDATE);
        assertEquals(1, updates.size(), "one scale request");
        assertEquals("/v1/inference-service/" + id, updates.get(0).path());
        j.assertLogContains("Scaling endpoint " + name + " to 3 instance(s)", b);
        j.assertLogContains("Endpoint " + name + " runs 3 instance(s), available again after", b);
        RecordedEndpoint recorded =
                b.getAction(NetMindBuildAction.class).getEndpoints().get(0);
        assertEquals(3, recorded.getInstances(), "the build's record shows the new count");
        assertEquals(Set.of(), sim.liveServices(), "the wrapper still deletes the endpoint");
        j.assertLogNotContains(sim.token(), b);
    }

    @Test
    void scalesTheEndpointAServiceIdNames() throws Exception {
        NetmindEndpointBuildWrapper judge = wrapper();
        judge.setVariablePrefix("JUDGE");
        NetmindScaleBuilder scale = new NetmindScaleBuilder(2);
        scale.setServiceId("$JUDGE_SERVICE_ID");
        scale.setWait(false); // no credentials id, no global default: the one the endpoint was created with
        FreeStyleProject p = project("byid", judge, scale, new SimulatorSays("JUDGE_SERVICE_ID"));

        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        String id = onlyService(sim);
        assertEquals(2, TARGETED.get(b.getExternalizableId()));
        assertEquals(
                "/v1/inference-service/" + id, sim.requests(Route.UPDATE).get(0).path());
        j.assertLogContains("to 2 instance(s)", b);
        j.assertLogNotContains("available again after", b);
    }

    @Test
    void scalesAnEndpointTheBuildDidNotCreateAndLeavesItRunning() throws Exception {
        NetMindClient client = sim.clientBuilder().build();
        String id = client.createService(new CreateServiceRequest(
                        "shared-judge",
                        "kept by the team",
                        "usd",
                        CreateServiceRequest.Resources.manual("69475e82e81c4dd6be3467e2ca374e0c", 1),
                        new CreateServiceRequest.Deployment("python:3.10-slim", null, 8080, 0)))
                .join()
                .serviceId();
        NetmindScaleBuilder scale = new NetmindScaleBuilder(2);
        scale.setServiceId(id);
        scale.setCredentialsId(CREDENTIALS_ID);
        FreeStyleProject p = project("shared", null, scale);

        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        assertEquals(2, client.getService(id).join().resourceMetadata().targetInstanceNumber());
        j.assertLogContains("Endpoint shared-judge runs 2 instance(s), available again after", b);
        assertEquals(Set.of(id), sim.liveServices(), "not this build's endpoint: left running");
    }

    @Test
    void withoutAnEndpointOrAServiceIdTheBuildFailsAndSaysWhatToDo() throws Exception {
        FreeStyleProject p = project("nothing", null, new NetmindScaleBuilder(2));

        FreeStyleBuild b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains(
                "This build has no NetMind endpoint to scale. Add \"Run with a NetMind inference endpoint\" under"
                        + " Build Environment, or give the step a service id.",
                b);
        assertEquals(List.of(), sim.requests(Route.UPDATE), "nothing sent");
    }

    @Test
    void anAbortWhileWaitingStopsTheWaitAndTheWrapperStillDeletesTheEndpoint() throws Exception {
        sim.setScaleDelay(Duration.ofHours(1));
        NetmindScaleBuilder scale = new NetmindScaleBuilder(4);
        scale.setTimeoutMinutes(1);
        FreeStyleProject p = project("slow", wrapper(), scale);
        FreeStyleBuild b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Scaling endpoint", b);

        b.doStop();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        String id = onlyService(sim);
        j.assertLogContains(
                "Build aborted while waiting for NetMind service " + id
                        + " to scale: the endpoint is left at the scale NetMind has.",
                b);
        j.assertLogContains("Deleted endpoint ", b);
        assertEquals(Set.of(), sim.liveServices());
    }

    @Test
    void theFormRoundTripKeepsEveryField() throws Exception {
        NetmindScaleBuilder scale = new NetmindScaleBuilder(3);
        scale.setServiceId("svc-123");
        scale.setWait(false);
        scale.setTimeoutMinutes(12);
        scale.setCredentialsId(CREDENTIALS_ID);
        FreeStyleProject p = project("form", null, scale);

        j.configRoundtrip(p);

        NetmindScaleBuilder after = p.getBuildersList().get(NetmindScaleBuilder.class);
        assertNotNull(after);
        j.assertEqualDataBoundBeans(scale, after);

        NetmindScaleBuilder defaults = new NetmindScaleBuilder(1);
        p.getBuildersList().replace(defaults);
        j.configRoundtrip(p);
        j.assertEqualDataBoundBeans(defaults, p.getBuildersList().get(NetmindScaleBuilder.class));
    }
}
