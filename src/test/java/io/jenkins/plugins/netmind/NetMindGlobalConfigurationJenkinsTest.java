package io.jenkins.plugins.netmind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessDeniedException3;
import hudson.util.FormValidation;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import jenkins.model.Jenkins;
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
    void testConnectionListsTheFlavorsTheTokenSees() {
        FormValidation ok =
                NetMindGlobalConfiguration.get().doTestConnection(sim.baseUrl().toString(), "netmind");
        assertEquals(FormValidation.Kind.OK, ok.kind, ok.getMessage());
        assertTrue(ok.getMessage().contains("NVIDIA_GeForce_RTX_4090"), ok.getMessage());
        assertTrue(!ok.getMessage().contains(sim.token()));
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
    void aReaderIsRefusedByEveryFormMethod() {
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
            assertThrows(AccessDeniedException3.class, () -> config.doFillCredentialsIdItems(""));
            assertThrows(AccessDeniedException3.class, () -> config.doCheckApiUrl("https://api.netmind.ai"));
            assertThrows(AccessDeniedException3.class, () -> config.doCheckCredentialsId("netmind"));
            assertThrows(AccessDeniedException3.class, () -> config.doCheckDefaultTimeoutMinutes("30"));
            assertThrows(AccessDeniedException3.class, () -> config.doCheckDefaultReadinessPath("/health"));
        }
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertEquals(FormValidation.Kind.OK, config.doCheckApiUrl("https://api.netmind.ai").kind);
            assertTrue(config.doFillCredentialsIdItems("").stream().anyMatch(o -> o.value.equals("netmind")));
        }
    }
}
