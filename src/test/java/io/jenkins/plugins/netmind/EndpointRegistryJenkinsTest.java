package io.jenkins.plugins.netmind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.netmind.client.CreateServiceRequest;
import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.Service;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
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
}
