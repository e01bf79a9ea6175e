package io.jenkins.plugins.netmind.connection;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.RecordedRequest;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The plugin's calls to NetMind follow Jenkins' proxy settings (Manage Jenkins » System » HTTP Proxy Configuration):
 * a plain HTTP proxy on loopback forwards them to the simulator and records what it saw. Jenkins' proxy selector
 * exempts only the hosts of its "No Proxy Host" list (the JDK client adds no loopback exemption of its own), so the
 * simulator keeps its real loopback URL.
 */
@WithJenkins
class ProxyJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule j;
    private NetMindSimulator sim;
    private LoopbackProxy proxy;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindJenkinsFixture.startWithFreshToken();
        NetMindJenkinsFixture.useSimulator(sim);
        proxy = LoopbackProxy.start();
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        sim.close();
    }

    private void deployAndTeardown(String name) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(
                "netmindDeploy(" + ENDPOINT + ")\nnetmindTeardown(credentialsId: '" + CREDENTIALS_ID + "')", true));
        j.buildAndAssertSuccess(p);
        assertEquals(1, sim.allServices().size());
        assertEquals(Set.of(), sim.liveServices());
    }

    @Test
    void everyCallGoesThroughJenkinsProxy() throws Exception {
        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", proxy.port()));

        deployAndTeardown("proxied");

        List<RecordedRequest> received = sim.requests();
        List<String> seen = proxy.requestLines();
        assertEquals(List.of(), proxy.failures());
        assertEquals(
                received.stream()
                        .map(r -> r.method() + " " + sim.baseUrl() + r.path()
                                + (r.query() == null || r.query().isEmpty() ? "" : "?" + r.query()))
                        .sorted()
                        .toList(),
                seen.stream()
                        .map(line -> line.substring(0, line.lastIndexOf(' ')))
                        .sorted()
                        .toList(),
                "the proxy forwarded exactly what the simulator received, in absolute form");
        assertTrue(seen.stream().anyMatch(l -> l.startsWith("POST ")), "the create went through the proxy: " + seen);
        assertTrue(seen.stream().anyMatch(l -> l.startsWith("DELETE ")), "the delete went through the proxy: " + seen);
    }

    @Test
    void aNoProxyHostIsReachedDirectly() throws Exception {
        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", proxy.port(), null, null, "127.0.0.1"));

        deployAndTeardown("direct");

        assertEquals(List.of(), proxy.requestLines(), "the proxy saw nothing");
    }
}
