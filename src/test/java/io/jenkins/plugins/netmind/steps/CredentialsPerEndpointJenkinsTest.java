package io.jenkins.plugins.netmind.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Result;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.record.NetMindBuildAction;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
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
 * Endpoints are deleted and scaled with the credential they were created with: two NetMind accounts on one simulator,
 * where a service of one account does not exist for the other (a DELETE with the wrong token gets a 404 and would
 * leave the endpoint running).
 */
@WithJenkins
class CredentialsPerEndpointJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final String ENDPOINT =
            "image: 'python:3.10-slim', gpu: 'NVIDIA_GeForce_RTX_4090', region: 'other', gpuCount: 0";

    private JenkinsRule j;
    private NetMindSimulator sim;
    private String tokenB;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindJenkinsFixture.startWithFreshToken();
        sim.setReadyDelay(Duration.ofMillis(300));
        tokenB = "netmind-token-b-" + UUID.randomUUID();
        sim.addAccount(tokenB);
        NetMindJenkinsFixture.useSimulator(sim, "team-a");
        NetMindJenkinsFixture.addSecretText("team-b", tokenB);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private WorkflowRun run(String script, Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p" + System.nanoTime());
        p.setDefinition(new CpsFlowDefinition(script, true));
        return j.assertBuildStatus(expected, p.scheduleBuild2(0));
    }

    @Test
    void parallelBranchesRecordTheirOwnCredentialAndTeardownDeletesEachWithIt() throws Exception {
        // the global default is team-a: before the fix, team-b's endpoint was deleted with team-a's token (404)
        NetMindGlobalConfiguration.get().setCredentialsId("team-a");
        WorkflowRun b = run(
                "parallel a: { netmindDeploy(" + ENDPOINT + ", credentialsId: 'team-a') },\n"
                        + "         b: { netmindDeploy(" + ENDPOINT + ", credentialsId: 'team-b') }\n"
                        + "echo \"deleted ${netmindTeardown()}\"",
                Result.SUCCESS);

        j.assertLogContains("deleted 2", b);
        assertEquals(2, sim.allServices().size());
        assertEquals(Map.of(), liveOwners(), "endpoints left running, by account");
        Map<String, String> recorded = new TreeMap<>();
        Map<String, String> owners = new TreeMap<>();
        for (RecordedEndpoint e : b.getAction(NetMindBuildAction.class).getEndpoints()) {
            recorded.put(e.getServiceId(), e.getCredentialsId());
            owners.put(
                    e.getServiceId(), sim.owner(e.getServiceId()).orElseThrow().equals(tokenB) ? "team-b" : "team-a");
            assertEquals(sim.baseUrl().toString(), e.getApiUrl());
        }
        assertEquals(owners, recorded, "each endpoint recorded with the credential that created it");
    }

    @Test
    void withNetmindEndpointInsideParallelDeletesEachBranchsEndpointWithItsCredential() throws Exception {
        WorkflowRun b = run(
                "parallel a: { withNetmindEndpoint(" + ENDPOINT
                        + ", credentialsId: 'team-a') { echo \"a ${env.NETMIND_SERVICE_ID}\" } },\n"
                        + "         b: { withNetmindEndpoint(" + ENDPOINT
                        + ", credentialsId: 'team-b') { echo \"b ${env.NETMIND_SERVICE_ID}\" } }\n",
                Result.SUCCESS);

        assertEquals(2, sim.allServices().size());
        assertEquals(Map.of(), liveOwners(), "endpoints left running, by account");
        j.assertLogNotContains("could not be deleted", b);
    }

    @Test
    void scaleAndTeardownWithoutCredentialsIdUseTheDeploysCredentialEvenWithoutAGlobalDefault() throws Exception {
        WorkflowRun b = run(
                "def ep = netmindDeploy(" + ENDPOINT + ", credentialsId: 'team-b')\n"
                        + "echo \"scaled to ${netmindScale(serviceId: ep.serviceId, instances: 2).instances}\"\n"
                        + "echo \"deleted ${netmindTeardown()}\"",
                Result.SUCCESS);

        j.assertLogContains("scaled to 2", b);
        j.assertLogContains("deleted 1", b);
        assertEquals(Map.of(), liveOwners(), "endpoints left running, by account");
    }

    @Test
    void teardownWithNothingToDeleteNeedsNoCredentialAndSendsNothing() throws Exception {
        WorkflowRun b = run(
                "try { echo 'nothing deployed' } finally { echo \"deleted ${netmindTeardown()}\" }", Result.SUCCESS);

        j.assertLogContains("deleted 0", b);
        assertEquals(0, sim.requests().size(), "requests sent to NetMind");
    }

    /** The services still running, each with the credential id of its account. */
    private Map<String, String> liveOwners() {
        Map<String, String> live = new TreeMap<>();
        for (String id : sim.liveServices()) {
            live.put(
                    id,
                    sim.owner(id)
                            .map(t -> t.equals(tokenB) ? "team-b" : "team-a")
                            .orElse("?"));
        }
        return live;
    }
}
