package io.jenkins.plugins.netmind.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ProxyConfiguration;
import hudson.model.Result;
import hudson.util.FormValidation;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.RecordedRequest;
import java.time.Duration;
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
 * NetMind behind an HTTP proxy that demands credentials (Jenkins' proxy settings with a user name): it works on a Java
 * with the fix of JDK-8326949, and on one without, the step and "Test connection" say why at once instead of a 401
 * that blames the token.
 */
@WithJenkins
class AuthenticatedProxyJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final String PIPELINE =
            "def ep = netmindDeploy(" + NetMindJenkinsFixture.ENDPOINT + ")\necho \"deleted ${netmindTeardown()}\"";

    private JenkinsRule j;
    private NetMindSimulator sim;
    private AuthenticatingProxy proxy;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindJenkinsFixture.startWithFreshToken();
        sim.setReadyDelay(Duration.ofMillis(200));
        NetMindJenkinsFixture.useSimulator(sim);
        proxy = new AuthenticatingProxy("proxy-user", "proxy-pass");
        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", proxy.port(), "proxy-user", "proxy-pass"));
    }

    @AfterEach
    void tearDown() {
        ProxyCheck.dropsAuthorizationForTests = null;
        proxy.close();
        sim.close();
    }

    private WorkflowRun run(Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p" + System.nanoTime());
        p.setDefinition(new CpsFlowDefinition(PIPELINE, true));
        return j.assertBuildStatus(expected, p.scheduleBuild2(0));
    }

    @Test
    void thisJavaKeepsTheTokenSoStepsWorkThroughTheAuthenticatedProxy() throws Exception {
        assertFalse(ProxyCheck.probe(), "Java " + Runtime.version() + " has the fix of JDK-8326949");

        WorkflowRun b = run(Result.SUCCESS);

        j.assertLogContains("deleted 1", b);
        assertTrue(proxy.refused.get() > 0, "the proxy asked for credentials");
        assertTrue(proxy.forwarded.get() > 0, "requests went through the proxy");
        assertEquals(proxy.forwarded.get(), proxy.forwardedWithAuthorization.get(), "every request kept the token");
        assertTrue(sim.requests().stream().allMatch(RecordedRequest::tokenValid), "NetMind saw the token");
        assertEquals(0, sim.liveServices().size());
    }

    @Test
    void onAJavaThatDropsTheTokenTheStepAndTestConnectionSaySoBeforeSendingAnything() throws Exception {
        ProxyCheck.dropsAuthorizationForTests = () -> true;

        WorkflowRun b = run(Result.FAILURE);

        j.assertLogContains("have a user name", b);
        j.assertLogContains("JDK-8326949", b);
        j.assertLogNotContains("\tat ", b);
        FormValidation test = NetMindGlobalConfiguration.get()
                .doTestConnection(sim.baseUrl().toString(), NetMindJenkinsFixture.CREDENTIALS_ID);
        assertEquals(FormValidation.Kind.ERROR, test.kind);
        assertTrue(test.renderHtml().contains("JDK-8326949"), test.renderHtml());
        assertEquals(0, sim.requests().size(), "requests that reached NetMind");
        assertEquals(0, proxy.refused.get() + proxy.forwarded.get(), "requests that reached the proxy");
    }

    @Test
    void aProxyThatDoesNotCarryNetMindRequestsIsNoProblem() throws Exception {
        ProxyCheck.dropsAuthorizationForTests = () -> true;
        ProxyConfiguration bypassed =
                new ProxyConfiguration("127.0.0.1", proxy.port(), "proxy-user", "proxy-pass", "127.0.0.1");
        j.jenkins.setProxy(bypassed);

        WorkflowRun b = run(Result.SUCCESS);

        j.assertLogContains("deleted 1", b);
        assertEquals(0, proxy.refused.get() + proxy.forwarded.get(), "requests that reached the proxy");
    }
}
