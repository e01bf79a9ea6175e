package io.jenkins.plugins.netmind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessDeniedException3;
import hudson.util.FormValidation;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The global settings page: round trip, Configuration-as-Code setters, permissions, test connection. */
@WithJenkins
class NetMindGlobalConfigurationJenkinsTest {

    private JenkinsRule j;
    private NetMindSimulator sim;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        sim = NetMindJenkinsFixture.startWithFreshToken();
        NetMindJenkinsFixture.addSecretText("netmind", sim.token());
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    @Test
    void defaults() {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        assertEquals("https://api.netmind.ai", config.getApiUrl());
        assertNull(config.getCredentialsId());
        assertEquals(30, config.getDefaultTimeoutMinutes());
        assertNull(config.getDefaultReadinessPath());
    }

    @Test
    void configRoundTripKeepsEverySetting() throws Exception {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        config.setApiUrl(sim.baseUrl().toString());
        config.setCredentialsId("netmind");
        config.setDefaultTimeoutMinutes(45);
        config.setDefaultReadinessPath("/health");

        j.configRoundtrip();

        NetMindGlobalConfiguration after = NetMindGlobalConfiguration.get();
        assertEquals(sim.baseUrl().toString(), after.getApiUrl());
        assertEquals("netmind", after.getCredentialsId());
        assertEquals(45, after.getDefaultTimeoutMinutes());
        assertEquals("/health", after.getDefaultReadinessPath());
    }

    @Test
    void settersUsedByConfigurationAsCodeRefuseWhatTheFormWouldFlag() {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        IllegalArgumentException plainHttp =
                assertThrows(IllegalArgumentException.class, () -> config.setApiUrl("http://api.netmind.ai"));
        assertTrue(plainHttp.getMessage().contains("must use https"), plainHttp.getMessage());
        assertThrows(IllegalArgumentException.class, () -> config.setDefaultTimeoutMinutes(0));
        assertThrows(IllegalArgumentException.class, () -> config.setDefaultReadinessPath("health"));
        assertEquals("https://api.netmind.ai", config.getApiUrl());

        config.setApiUrl("  ");
        assertEquals("https://api.netmind.ai", config.getApiUrl());
    }

    @Test
    void testConnectionAnswersWithATableOfTheFlavorsTheTokenSees() {
        FormValidation ok =
                NetMindGlobalConfiguration.get().doTestConnection(sim.baseUrl().toString(), "netmind");
        assertEquals(FormValidation.Kind.OK, ok.kind, ok.getMessage());
        String html = ok.renderHtml();
        assertTrue(
                html.contains("<th>GPU</th><th>Region</th><th>Price per instance-hour (USD)</th>"
                        + "<th>Price per instance-hour (CNY)</th><th>Price per instance-hour (NMT)</th>"
                        + "<th>Capacity left</th><th>Flavor id</th>"),
                html);
        assertTrue(html.contains("<tr><td>NVIDIA_GeForce_RTX_4090</td><td>cn</td><td>0.30 USD</td>"), html);
        assertTrue(html.contains("<td><strong>0 (full)</strong></td>"), "the full H100 is flagged: " + html);
        assertTrue(!html.contains(sim.token()));
    }

    @Test
    void testConnectionExplainsABadTokenAndAnUnknownId() throws Exception {
        NetMindJenkinsFixture.addSecretText("wrong", "not-the-token");
        FormValidation denied =
                NetMindGlobalConfiguration.get().doTestConnection(sim.baseUrl().toString(), "wrong");
        assertEquals(FormValidation.Kind.ERROR, denied.kind);
        assertTrue(denied.getMessage().contains("401"), denied.getMessage());
        assertTrue(!denied.getMessage().contains("not-the-token"));

        FormValidation unknown =
                NetMindGlobalConfiguration.get().doTestConnection(sim.baseUrl().toString(), "nope");
        assertEquals(FormValidation.Kind.ERROR, unknown.kind);
        assertTrue(unknown.getMessage().contains("nope"), unknown.getMessage());
    }

    @Test
    void aReaderMayRunTheFormatChecksButNotWhatCallsNetMindOrRevealsCredentials() {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader"));
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThrows(
                    AccessDeniedException3.class,
                    () -> config.doTestConnection(sim.baseUrl().toString(), "netmind"));
            assertThrows(AccessDeniedException3.class, () -> config.doCheckCredentialsId("netmind"));
            assertEquals(
                    List.of("mine"),
                    NetMindJenkinsFixture.values(config.doFillCredentialsIdItems("mine")),
                    "only the current value, never the list");
            assertEquals(FormValidation.Kind.OK, config.doCheckApiUrl("https://api.netmind.ai").kind);
            assertEquals(
                    "The NetMind API URL must use https: http://api.netmind.ai sends the token unencrypted. Plain http"
                            + " is accepted only for a loopback host (localhost, 127.0.0.1, [::1]), such as the"
                            + " simulator.",
                    config.doCheckApiUrl("http://api.netmind.ai").getMessage());
            assertEquals(
                    "Enter a whole number of minutes, at least 1 (got &quot;0&quot;).",
                    config.doCheckDefaultTimeoutMinutes("0").getMessage(),
                    "FormValidation escapes the message for HTML");
            assertEquals(FormValidation.Kind.ERROR, config.doCheckDefaultReadinessPath("health").kind);
        }
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertEquals(FormValidation.Kind.OK, config.doCheckApiUrl("https://api.netmind.ai").kind);
            assertTrue(config.doFillCredentialsIdItems("").stream().anyMatch(o -> o.value.equals("netmind")));
        }
    }

    @Test
    void aBadSettingInTheFormIsRefusedWithAMessageNotAnError500() throws Exception {
        NetMindGlobalConfiguration.get().setDefaultTimeoutMinutes(45);
        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            wc.setThrowExceptionOnFailingStatusCode(false);
            HtmlPage page = wc.goTo("configure");
            HtmlForm form = page.getFormByName("config");
            form.getInputByName("_.apiUrl").setValue("http://api.netmind.ai");
            HtmlPage answer = j.submit(form);

            int status = answer.getWebResponse().getStatusCode();
            assertTrue(status != 500 && status >= 400, "status " + status);
            String text = answer.asNormalizedText();
            assertTrue(
                    text.contains("NetMind Endpoints » API URL: The NetMind API URL must use https:"
                            + " http://api.netmind.ai sends the token unencrypted."),
                    text);
        }
        assertEquals("https://api.netmind.ai", NetMindGlobalConfiguration.get().getApiUrl(), "nothing was saved");
        assertEquals(45, NetMindGlobalConfiguration.get().getDefaultTimeoutMinutes());

        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            wc.setThrowExceptionOnFailingStatusCode(false);
            HtmlForm form = wc.goTo("configure").getFormByName("config");
            form.getInputByName("_.defaultReadinessPath").setValue("health");
            HtmlPage answer = j.submit(form);
            assertTrue(answer.getWebResponse().getStatusCode() != 500);
            assertTrue(
                    answer.asNormalizedText()
                            .contains("NetMind Endpoints » Default readiness path: Enter a path that starts with a"
                                    + " slash"),
                    answer.asNormalizedText());
        }
        assertNull(NetMindGlobalConfiguration.get().getDefaultReadinessPath());
    }
}
