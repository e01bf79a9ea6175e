package io.jenkins.plugins.netmind.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.client.CreateServiceRequest;
import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.Service;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** The controller-wide registry survives a restart, and leftovers of finished builds are deleted at startup. */
class EndpointRegistryJenkinsTest {

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private NetMindSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = NetMindSimulator.builder()
                .token("netmind-token-" + UUID.randomUUID())
                .start();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Test
    void leftoversOfABuildThatNoLongerExistsAreDeletedAfterARestart() throws Throwable {
        String[] serviceId = new String[1];
        sessions.then(j -> {
            SystemCredentialsProvider.getInstance()
                    .getCredentials()
                    .add(new StringCredentialsImpl(
                            CredentialsScope.GLOBAL, "netmind", "NetMind token", Secret.fromString(sim.token())));
            SystemCredentialsProvider.getInstance().save();
            NetMindClient client = sim.clientBuilder().build();
            Service created = client.createService(new CreateServiceRequest(
                            "gone-job-1-leftover",
                            "left by a build that crashed with the controller",
                            "usd",
                            CreateServiceRequest.Resources.manual("69475e82e81c4dd6be3467e2ca374e0c", 1),
                            new CreateServiceRequest.Deployment("python:3.10-slim", null, 8080, 0)))
                    .join();
            serviceId[0] = created.serviceId();
            Instant now = Instant.now();
            LedgerEntry entry = new LedgerEntry(
                    "gone-job-1-leftover",
                    serviceId[0],
                    LedgerEntry.State.CREATED,
                    now,
                    "69475e82e81c4dd6be3467e2ca374e0c",
                    1,
                    new BigDecimal("0.3"),
                    "usd",
                    now);
            EndpointRegistry.get()
                    .record(RecordedEndpoint.of(
                            "gone-job#1", "netmind", sim.baseUrl().toString(), entry));
            String saved = Files.readString(
                    j.jenkins.getRootDir().toPath().resolve("io.jenkins.plugins.netmind.EndpointRegistry.xml"));
            assertTrue(saved.contains(serviceId[0]), saved);
            assertTrue(!saved.contains(sim.token()));
            assertEquals(List.of(serviceId[0]), List.copyOf(sim.liveServices()));
        });
        sessions.then(j -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!sim.liveServices().isEmpty()
                    || !EndpointRegistry.get().getEndpoints().isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the leftover was not deleted after the restart");
                Thread.sleep(100);
            }
            assertTrue(sim.allServices().contains(serviceId[0]));
        });
    }

    @Test
    void aRegistryAndSettingsSavedBeforeTheClassesMovedAreReadAndTheirLeftoversDeleted() throws Throwable {
        String[] serviceId = new String[1];
        sessions.then(j -> {
            NetMindJenkinsFixture.useSimulator(sim, "netmind");
            serviceId[0] = createOnNetMind("old-job-1-leftover");
            EndpointRegistry.get()
                    .record(RecordedEndpoint.of(
                            "old-job#1",
                            "netmind",
                            sim.baseUrl().toString(),
                            created("old-job-1-leftover", serviceId[0])));
            NetMindGlobalConfiguration settings = NetMindGlobalConfiguration.get();
            settings.setDefaultTimeoutMinutes(47);
            settings.save();
            // rewrite both files as the plugin wrote them when these classes lived in io.jenkins.plugins.netmind
            Path home = j.jenkins.getRootDir().toPath();
            for (String file : List.of(
                    "io.jenkins.plugins.netmind.EndpointRegistry.xml",
                    "io.jenkins.plugins.netmind.NetMindGlobalConfiguration.xml")) {
                Path saved = home.resolve(file);
                String text = Files.readString(saved);
                String old = text.replaceAll(
                        "io\\.jenkins\\.plugins\\.netmind\\.(record|config)\\.", "io.jenkins.plugins.netmind.");
                assertTrue(!old.equals(text), "the saved form names the moved classes: " + text);
                Files.writeString(saved, old);
            }
        });
        sessions.then(j -> {
            assertEquals(47, NetMindGlobalConfiguration.get().getDefaultTimeoutMinutes(), "settings read");
            awaitNothingLeft();
            assertTrue(sim.allServices().contains(serviceId[0]), "the old registry's endpoint was deleted");
        });
    }

    @Test
    void anEntryTheBuildsRecordLacksIsStillDeletedAfterARestart() throws Throwable {
        String[] serviceId = new String[1];
        sessions.then(j -> {
            NetMindJenkinsFixture.useSimulator(sim, "netmind");
            WorkflowJob p = j.createProject(WorkflowJob.class, "unsaved");
            p.setDefinition(new CpsFlowDefinition("echo 'the save of this build failed'", true));
            WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
            // what a failed run.save() leaves: the registry knows the endpoint, the build's saved record does not
            serviceId[0] = createOnNetMind("unsaved-1-abcdef");
            EndpointRegistry.get()
                    .record(RecordedEndpoint.of(
                            b.getExternalizableId(),
                            "netmind",
                            sim.baseUrl().toString(),
                            created("unsaved-1-abcdef", serviceId[0])));
            assertEquals(null, b.getAction(NetMindBuildAction.class));
        });
        sessions.then(j -> {
            awaitNothingLeft();
            WorkflowRun b =
                    j.jenkins.getItemByFullName("unsaved", WorkflowJob.class).getBuildByNumber(1);
            assertEquals(
                    List.of(LedgerEntry.State.DELETED),
                    b.getAction(NetMindBuildAction.class).getEntries().stream()
                            .map(LedgerEntry::state)
                            .toList(),
                    "the build page shows the endpoint deleted");
        });
    }

    @Test
    void leftoversOfARenamedJobAreDeletedAndShownDeletedOnItsBuild() throws Throwable {
        sessions.then(j -> {
            NetMindJenkinsFixture.useSimulator(sim, "netmind");
            sim.faults().on(Route.DELETE).always().respond(500);
            WorkflowJob p = j.createProject(WorkflowJob.class, "before");
            p.setDefinition(new CpsFlowDefinition(
                    "netmindDeploy(image: 'python:3.10-slim', gpu: 'NVIDIA_GeForce_RTX_4090', region: 'other',"
                            + " gpuCount: 0, credentialsId: 'netmind')",
                    true));
            j.assertBuildStatusSuccess(p.scheduleBuild2(0));
            assertEquals(1, sim.liveServices().size(), "NetMind refuses the deletion: the endpoint is left");

            p.renameTo("after");

            List<RecordedEndpoint> left = EndpointRegistry.get().getEndpoints();
            assertEquals(1, left.size());
            assertEquals("after#1", left.get(0).getRunId(), "the registry follows the rename");
            assertEquals(
                    p.getBuildByNumber(1).getAction(NetMindBuildAction.class).getKey(),
                    left.get(0).getBuildKey());
        });
        sim.faults().clear();
        sessions.then(j -> {
            awaitNothingLeft();
            WorkflowRun b =
                    j.jenkins.getItemByFullName("after", WorkflowJob.class).getBuildByNumber(1);
            assertEquals(
                    List.of(LedgerEntry.State.DELETED),
                    b.getAction(NetMindBuildAction.class).getEntries().stream()
                            .map(LedgerEntry::state)
                            .toList(),
                    "the renamed job's build shows the endpoint deleted");
        });
    }

    private String createOnNetMind(String name) {
        return sim.clientBuilder()
                .build()
                .createService(new CreateServiceRequest(
                        name,
                        "left by a build",
                        "usd",
                        CreateServiceRequest.Resources.manual("69475e82e81c4dd6be3467e2ca374e0c", 1),
                        new CreateServiceRequest.Deployment("python:3.10-slim", null, 8080, 0)))
                .join()
                .serviceId();
    }

    private static LedgerEntry created(String name, String serviceId) {
        Instant now = Instant.now();
        return new LedgerEntry(
                name,
                serviceId,
                LedgerEntry.State.CREATED,
                now,
                "69475e82e81c4dd6be3467e2ca374e0c",
                1,
                new BigDecimal("0.3"),
                "usd",
                now);
    }

    private void awaitNothingLeft() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!sim.liveServices().isEmpty()
                || !EndpointRegistry.get().getEndpoints().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the leftover was not deleted after the restart");
            Thread.sleep(100);
        }
    }
}
