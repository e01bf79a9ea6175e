package io.jenkins.plugins.netmind.connection;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Fingerprint;
import hudson.security.ACL;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
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

/** The builds that used the NetMind token are listed on the credential, as Jenkins' credential usage tracking shows. */
@WithJenkins
class CredentialsTrackingJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule j;
    private NetMindSimulator sim;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindJenkinsFixture.startWithFreshToken();
        NetMindJenkinsFixture.useSimulator(sim);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private static StringCredentials token() {
        return CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(CREDENTIALS_ID));
    }

    @Test
    void theCredentialsFingerprintListsEveryBuildThatDeployed() throws Exception {
        assertNull(CredentialsProvider.getFingerprintOf(token()), "not used yet");
        WorkflowJob p = j.createProject(WorkflowJob.class, "tracked");
        p.setDefinition(new CpsFlowDefinition(
                "netmindDeploy(" + ENDPOINT + ")\nnetmindTeardown(credentialsId: '" + CREDENTIALS_ID + "')", true));
        WorkflowJob unused = j.createProject(WorkflowJob.class, "unused");
        unused.setDefinition(new CpsFlowDefinition("echo 'no NetMind here'", true));

        WorkflowRun first = j.buildAndAssertSuccess(p);
        WorkflowRun second = j.buildAndAssertSuccess(p);
        j.buildAndAssertSuccess(unused);

        Fingerprint fingerprint = CredentialsProvider.getFingerprintOf(token());
        assertNotNull(fingerprint, "the credential was tracked");
        assertEquals(List.of("tracked"), fingerprint.getJobs(), "jobs that used the token");
        Fingerprint.RangeSet builds = fingerprint.getRangeSet("tracked");
        assertTrue(builds.includes(first.getNumber()), "first build listed: " + builds);
        assertTrue(builds.includes(second.getNumber()), "second build listed: " + builds);
        assertEquals(Set.of(), sim.liveServices());
    }
}
