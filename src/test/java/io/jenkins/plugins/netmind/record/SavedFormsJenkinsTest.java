package io.jenkins.plugins.netmind.record;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Files saved by the plugin's earlier builds, whose classes lived in the root package: a build's record and the
 * registry's leftovers are read after an upgrade, and a leftover still ends in a delete.
 */
class SavedFormsJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private NetMindSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = NetMindSimulator.start();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Test
    void aBuildRecordAndALeftoverSavedUnderTheOldPackageAreReadAndTheLeftoverIsDeleted() throws Throwable {
        sessions.then(j -> {
            NetMindJenkinsFixture.useSimulator(sim);
            sim.faults().on(Route.DELETE).always().respond(500);
            WorkflowJob p = j.createProject(WorkflowJob.class, "old");
            p.setDefinition(new CpsFlowDefinition("netmindDeploy(" + ENDPOINT + ")\n", true));
            j.buildAndAssertSuccess(p);
            await(() -> !sim.requests(Route.DELETE).isEmpty());
            assertEquals(1, EndpointRegistry.get().getEndpoints().size(), "NetMind refused the delete: kept");
        });

        // Jenkins is down: write its files as the plugin's earlier builds named their classes
        Path home = sessions.getHome().toPath();
        toOldPackage(home.resolve("io.jenkins.plugins.netmind.EndpointRegistry.xml"));
        toOldPackage(home.resolve("jobs/old/builds/1/build.xml"));
        sim.faults().clear();

        sessions.then(j -> {
            WorkflowRun b =
                    j.jenkins.getItemByFullName("old", WorkflowJob.class).getBuildByNumber(1);
            NetMindBuildAction action = b.getAction(NetMindBuildAction.class);
            assertNotNull(action, "the build's NetMind record was read");
            List<LedgerEntry> entries = action.getEntries();
            assertEquals(1, entries.size());
            assertEquals(NetMindJenkinsFixture.onlyService(sim), entries.get(0).serviceId());

            await(() -> sim.liveServices().isEmpty());
            await(() -> EndpointRegistry.get().getEndpoints().isEmpty());
        });
    }

    private static void toOldPackage(Path file) throws Exception {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        String moved = "io.jenkins.plugins.netmind.record.";
        assertTrue(xml.contains(moved), file + " names no class of the record package:\n" + xml);
        Files.writeString(file, xml.replace(moved, SavedForms.OLD_PACKAGE), StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), "not reached within a minute");
    }
}
