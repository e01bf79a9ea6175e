package io.jenkins.plugins.netmind.safetynet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.client.CreateServiceRequest;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.connection.ControllerIdentity;
import io.jenkins.plugins.netmind.lifecycle.EndpointNames;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LogRecorder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The sweep runs by itself: an endpoint this controller created and then lost every record of (its registry entry
 * and its build's record are gone, as after a {@code JENKINS_HOME} rebuilt by Configuration as Code) is deleted by the
 * next periodic sweep, and nothing else is touched. The period is shortened to 2 s for this class only.
 */
@WithJenkins
class FleetSweepPeriodJenkinsTest {

    private static final String FLAVOR = "69475e82e81c4dd6be3467e2ca374e0c";

    @BeforeAll
    static void shortPeriod() {
        System.setProperty(FleetSweep.PERIOD_PROPERTY, "2000");
    }

    @AfterAll
    static void normalPeriod() {
        System.clearProperty(FleetSweep.PERIOD_PROPERTY);
    }

    @Test
    void anEndpointWhoseRecordsWereLostIsDeletedByTheNextSweepAndNothingElseIsTouched(JenkinsRule j) throws Exception {
        try (NetMindSimulator sim = NetMindJenkinsFixture.startWithFreshToken();
                LogRecorder log =
                        new LogRecorder().record(FleetSweep.class, Level.INFO).capture(100)) {
            NetMindJenkinsFixture.useSimulator(sim);
            NetMindGlobalConfiguration.get().setCredentialsId(NetMindJenkinsFixture.CREDENTIALS_ID);
            // a build that ended long ago, in a job that still exists; its endpoint outlived every record of it
            FreeStyleProject job = j.createFreeStyleProject("nightly eval");
            j.buildAndAssertSuccess(job);
            Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
            String lost = create(
                    sim,
                    "nightly-eval-1-k3x9qa",
                    EndpointNames.description(ControllerIdentity.id(), "nightly eval #1", tomorrow, "k3x9qa0b1c2d"));
            String other = create(
                    sim,
                    "theirs",
                    EndpointNames.description(
                            "0123456789ab", "nightly eval #1", Instant.now().minusSeconds(60), "aaaa"));
            String unmanaged = create(sim, "by-hand", "test");
            assertEquals(List.of(), EndpointRegistry.get().getEndpoints(), "no record of it is left");

            long started = System.nanoTime();
            while (FleetSweep.get().getLastRun() == null
                    || FleetSweep.get().getLastRun().getDeletions().isEmpty()) {
                Thread.sleep(100); // the test's own timeout bounds this wait
            }
            SweepReport report = FleetSweep.get().getLastRun();
            System.out.printf(
                    "The lost endpoint was deleted %d ms after the test left it (the sweep runs every 2000 ms)%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());

            assertEquals(
                    List.of("nightly-eval-1-k3x9qa ORPHAN true"),
                    report.getDeletions().stream()
                            .map(d -> d.getName() + " " + d.getState() + " " + d.isGone())
                            .toList(),
                    report.toString());
            assertEquals(Set.of(other, unmanaged), sim.liveServices(), "nothing else touched");
            assertEquals(1, sim.requests(Route.DELETE).size());
            assertTrue(
                    log.getMessages().stream()
                            .anyMatch(m -> m.contains("deleting endpoint nightly-eval-1-k3x9qa (" + lost + ")")
                                    && m.contains("its owning build nightly eval #1 is not running")),
                    log.getMessages().toString());
        }
    }

    private static String create(NetMindSimulator sim, String name, String description) throws Exception {
        return sim.clientBuilder()
                .build()
                .createService(new CreateServiceRequest(
                        name,
                        description,
                        "usd",
                        CreateServiceRequest.Resources.manual(FLAVOR, 1),
                        new CreateServiceRequest.Deployment("python:3.10-slim", null, 8080, 0)))
                .get()
                .serviceId();
    }
}
