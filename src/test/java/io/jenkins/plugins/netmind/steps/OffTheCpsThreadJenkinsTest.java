package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

/**
 * A Pipeline runs on one thread per build, the CPS VM thread: the steps do no file I/O there. Every save of the
 * controller-wide registry is logged (FINE) on the thread that does it; none may be the CPS VM thread, whose name
 * starts with "Running CpsFlowExecution".
 */
@WithJenkins
class OffTheCpsThreadJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final Logger REGISTRY = Logger.getLogger(EndpointRegistry.class.getName());

    private final List<String> savingThreads = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            savingThreads.add(Thread.currentThread().getName());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private NetMindSimulator sim;
    private Level levelBefore;

    @BeforeEach
    void setUp() {
        sim = NetMindJenkinsFixture.startWithFreshToken();
        levelBefore = REGISTRY.getLevel();
        recorder.setLevel(Level.FINE);
        REGISTRY.setLevel(Level.FINE);
        REGISTRY.addHandler(recorder);
    }

    @AfterEach
    void tearDown() {
        REGISTRY.removeHandler(recorder);
        REGISTRY.setLevel(levelBefore);
        sim.close();
    }

    @Test
    void noStepSavesTheRegistryOnTheCpsVmThread(JenkinsRule j) throws Exception {
        NetMindJenkinsFixture.useSimulator(sim);
        WorkflowJob p = j.createProject(WorkflowJob.class, "threads");
        p.setDefinition(new CpsFlowDefinition(
                "def ep = netmindDeploy(" + ENDPOINT + ")\n"
                        + "netmindScale(serviceId: ep.serviceId, instances: 2)\n"
                        + "netmindTeardown(serviceId: ep.serviceId)\n"
                        + "withNetmindEndpoint(" + ENDPOINT + ") { echo 'inside' }\n"
                        + "echo \"deleted ${netmindTeardown()}\"\n",
                true));
        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        j.assertLogContains("deleted 0", b);
        assertEquals(2, sim.allServices().size());

        assertFalse(savingThreads.isEmpty(), "the registry was saved");
        assertEquals(
                List.of(),
                savingThreads.stream()
                        .filter(t -> t.startsWith("Running CpsFlowExecution"))
                        .toList(),
                "registry saves on the CPS VM thread (all: " + savingThreads + ")");
    }
}
