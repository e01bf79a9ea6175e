package io.jenkins.plugins.netmind.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.util.FormValidation;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.freestyle.NetmindEndpointBuildWrapper;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The maximum lifetime in the forms: the steps, the freestyle wrapper and the global settings keep it. */
@WithJenkins
class MaxLifetimeFormsJenkinsTest {

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
    }

    @Test
    void theStepsKeepTheirLifetimeThroughTheFormAndTheSnippet() throws Exception {
        NetmindDeployStep deploy = new NetmindDeployStep("python:3.10-slim");
        deploy.setGpu("NVIDIA_GeForce_RTX_4090");
        deploy.setMaxLifetimeMinutes(90);
        assertEquals(90, new StepConfigTester(j).configRoundTrip(deploy).getMaxLifetimeMinutes());
        new SnippetizerTester(j)
                .assertRoundTrip(
                        deploy,
                        "netmindDeploy gpu: 'NVIDIA_GeForce_RTX_4090', image: 'python:3.10-slim',"
                                + " maxLifetimeMinutes: 90");

        WithNetmindEndpointStep block = new WithNetmindEndpointStep("python:3.10-slim");
        block.setFlavorId("abc");
        block.setMaxLifetimeMinutes(15);
        assertEquals(15, new StepConfigTester(j).configRoundTrip(block).getMaxLifetimeMinutes());
        new SnippetizerTester(j)
                .assertRoundTrip(
                        block,
                        "withNetmindEndpoint(flavorId: 'abc', image: 'python:3.10-slim', maxLifetimeMinutes: 15) {\n"
                                + "    // some block\n}");

        NetmindDeployStep unset = new NetmindDeployStep("python:3.10-slim");
        unset.setGpu("g");
        assertEquals(0, new StepConfigTester(j).configRoundTrip(unset).getMaxLifetimeMinutes(), "0: the default");
    }

    @Test
    void theFreestyleWrapperKeepsItsLifetime() throws Exception {
        NetmindEndpointBuildWrapper before = new NetmindEndpointBuildWrapper("python:3.10-slim");
        before.setGpu("NVIDIA_GeForce_RTX_4090");
        before.setMaxLifetimeMinutes(45);
        FreeStyleProject p = j.createFreeStyleProject("lifetime");
        p.getBuildWrappersList().add(before);
        j.configRoundtrip(p);
        j.assertEqualDataBoundBeans(before, p.getBuildWrappersList().get(0));
        assertEquals(45, ((NetmindEndpointBuildWrapper) p.getBuildWrappersList().get(0)).getMaxLifetimeMinutes());
    }

    @Test
    void theGlobalSettingsKeepTheDefaultAndTheCeilingAndRefuseADefaultAboveIt() throws Exception {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        assertEquals(1440, config.getDefaultMaxLifetimeMinutes(), "24 hours unless set");
        assertNull(config.getMaxLifetimeCeilingMinutes(), "no ceiling unless set");
        config.setDefaultMaxLifetimeMinutes(600);
        config.setMaxLifetimeCeilingMinutes(720);
        j.configRoundtrip();
        assertEquals(600, NetMindGlobalConfiguration.get().getDefaultMaxLifetimeMinutes());
        assertEquals(720, NetMindGlobalConfiguration.get().getMaxLifetimeCeilingMinutes());

        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            wc.setThrowExceptionOnFailingStatusCode(false);
            HtmlForm form = wc.goTo("configure").getFormByName("config");
            form.getInputByName("_.maxLifetimeCeilingMinutes").setValue("");
            j.submit(form);
        }
        assertNull(NetMindGlobalConfiguration.get().getMaxLifetimeCeilingMinutes(), "emptied: no ceiling");

        try (JenkinsRule.WebClient wc = j.createWebClient()) {
            wc.setThrowExceptionOnFailingStatusCode(false);
            HtmlForm form = wc.goTo("configure").getFormByName("config");
            form.getInputByName("_.maxLifetimeCeilingMinutes").setValue("60");
            HtmlPage answer = j.submit(form);
            assertTrue(answer.getWebResponse().getStatusCode() != 500);
            assertTrue(
                    answer.asNormalizedText()
                            .contains("NetMind Endpoints » Default maximum lifetime: The default maximum lifetime"
                                    + " (600 min) is above the ceiling (60 min)"),
                    answer.asNormalizedText());
        }
        assertNull(NetMindGlobalConfiguration.get().getMaxLifetimeCeilingMinutes(), "nothing was saved");
    }

    @Test
    void theFieldCheckNamesTheCeiling() {
        NetMindGlobalConfiguration.get().setMaxLifetimeCeilingMinutes(120);
        FormValidation over = NetMindForms.checkMaxLifetimeMinutes("121");
        assertEquals(FormValidation.Kind.ERROR, over.kind);
        assertTrue(over.getMessage().contains("above the ceiling of 120 minutes"), over.getMessage());
        assertEquals(FormValidation.Kind.OK, NetMindForms.checkMaxLifetimeMinutes("120").kind);
        assertEquals(FormValidation.Kind.OK, NetMindForms.checkMaxLifetimeMinutes("").kind);
        assertEquals(FormValidation.Kind.ERROR, NetMindForms.checkMaxLifetimeMinutes("-1").kind);
    }
}
