package io.jenkins.plugins.netmind.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Executor;
import hudson.model.Result;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.RecordedRequest;
import io.jenkins.plugins.netmind.sim.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Many builds waiting in {@code netmindDeploy} at once: a restart in the middle resumes every wait, and stopping them all
 * at once deletes every endpoint exactly once. The CI-sized version of {@code JenkinsWaitBenchmark}'s restart and abort
 * runs (which use 100 builds).
 */
class WaitingBuildsJenkinsTest {

    private static final int BUILDS = 10;

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    /** The simulator's clock: moved ahead after the restart, so that every endpoint turns available then. */
    private final OffsetClock clock = new OffsetClock();

    private NetMindSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = NetMindSimulator.builder().clock(clock).start();
        sim.setReadyDelay(Duration.ofHours(1));
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Test
    void everyWaitResumesAfterARestartAndEveryEndpointIsDeletedOnce() throws Throwable {
        sessions.then(j -> {
            NetMindJenkinsFixture.useSimulator(sim);
            for (WorkflowRun b : WaitingBuilds.start(j, "many", BUILDS)) {
                j.waitForMessage("created: service id", b);
            }
        });
        sessions.then(j -> {
            WorkflowJob p = j.jenkins.getItemByFullName("many", WorkflowJob.class);
            List<WorkflowRun> builds = new ArrayList<>(p.getBuilds());
            assertEquals(BUILDS, builds.size());
            for (WorkflowRun b : builds) {
                j.waitForMessage("Resuming the wait for endpoint", b);
            }
            clock.advance(Duration.ofHours(2));
            Set<String> names = new HashSet<>();
            for (WorkflowRun b : builds) {
                j.assertBuildStatusSuccess(j.waitForCompletion(b));
                String id = WaitingBuilds.serviceId(b).orElseThrow();
                j.assertLogContains("deployed " + id, b);
                names.add(sim.name(id).orElseThrow());
            }
            assertEquals(BUILDS, sim.allServices().size(), "one endpoint per build, none created twice");
            assertEquals(BUILDS, names.size(), "no two endpoints with one name");
            assertEquals(Set.of(), sim.liveServices());
            assertEquals(List.of(), EndpointRegistry.get().getEndpoints());
            assertEquals(Map.of(), deletesAboveOne());
        });
    }

    @Test
    void stoppingEveryWaitingBuildAtOnceDeletesEveryEndpointOnce() throws Throwable {
        sessions.then(j -> {
            NetMindJenkinsFixture.useSimulator(sim);
            List<WorkflowRun> builds = WaitingBuilds.start(j, "storm", BUILDS);
            for (WorkflowRun b : builds) {
                j.waitForMessage("created: service id", b);
            }
            for (WorkflowRun b : builds) {
                Executor executor = b.getExecutor();
                if (executor != null) {
                    executor.interrupt();
                }
            }
            for (WorkflowRun b : builds) {
                j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
                j.assertLogContains("Stopping: deleting NetMind endpoint", b);
                j.assertLogNotContains("deployed ", b);
            }
            assertEquals(BUILDS, sim.allServices().size());
            assertEquals(Set.of(), sim.liveServices());
            assertEquals(BUILDS, sim.requests(Route.DELETE).size());
            assertEquals(Map.of(), deletesAboveOne());
            assertEquals(List.of(), EndpointRegistry.get().getEndpoints());
        });
    }

    /** The service ids that received more than one DELETE, with their count. */
    private Map<String, Integer> deletesAboveOne() {
        Map<String, Integer> deletes = new HashMap<>();
        for (RecordedRequest r : sim.requests(Route.DELETE)) {
            deletes.merge(r.path(), 1, Integer::sum);
        }
        deletes.values().removeIf(count -> count == 1);
        return deletes;
    }
}
