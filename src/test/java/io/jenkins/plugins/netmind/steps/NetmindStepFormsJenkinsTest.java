package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.ExtensionList;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The steps' form methods follow the credentials plugin's conventions: format checks and fixed lists answer anyone
 * who can open the Pipeline Syntax page; the credentials list needs Item/ExtendedRead (or Credentials/UseItem, or
 * Overall/Administer without a job) and otherwise shows only the current value.
 */
@WithJenkins
class NetmindStepFormsJenkinsTest {

    private JenkinsRule j;
    private WorkflowJob job;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        job = j.createProject(WorkflowJob.class, "p");
        NetMindJenkinsFixture.addSecretText("netmind-token", "not-a-real-token");
        Item.EXTENDED_READ.setEnabled(true);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("developer")
                .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ)
                .everywhere()
                .to("viewer")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader"));
    }

    @AfterEach
    void tearDown() {
        Item.EXTENDED_READ.setEnabled(false);
    }

    @Test
    void formatChecksAndFixedListsAnswerEveryReader() {
        NetmindDeployStep.DescriptorImpl deploy = ExtensionList.lookupSingleton(NetmindDeployStep.DescriptorImpl.class);
        WithNetmindEndpointStep.DescriptorImpl block =
                ExtensionList.lookupSingleton(WithNetmindEndpointStep.DescriptorImpl.class);
        NetmindScaleStep.DescriptorImpl scale = ExtensionList.lookupSingleton(NetmindScaleStep.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            for (Item item : java.util.Arrays.asList(job, null)) {
                assertEquals(
                        "Required: the container image the endpoint runs.",
                        deploy.doCheckImage(item, " ").getMessage());
                assertEquals(
                        "Instances: 0 is too small, use at least 1.",
                        deploy.doCheckInstances(item, "0").getMessage());
                assertEquals(
                        "Port: 70000 is too large, use at most 65535.",
                        deploy.doCheckPort(item, "70000").getMessage());
                assertEquals(
                        "GPUs per instance: -1 is too small, use at least 0.",
                        deploy.doCheckGpuCount(item, "-1").getMessage());
                assertEquals(
                        "Wait timeout: -1 is too small, use at least 0.",
                        deploy.doCheckTimeoutMinutes(item, "-1").getMessage());
                // FormValidation escapes the message for HTML: ' becomes &#039;
                assertEquals(
                        "Readiness path: a path starts with &#039;/&#039;: &#039;/health&#039;?",
                        deploy.doCheckReadinessPath(item, "health").getMessage());
                assertEquals(
                        "Choose the hardware: fill in either GPU model or Flavor id.",
                        deploy.doCheckGpu(item, "", "").getMessage());
                assertEquals(
                        "Fill in only one of GPU model and Flavor id.",
                        deploy.doCheckFlavorId(item, "abc", "NVIDIA_GeForce_RTX_4090")
                                .getMessage());
                assertEquals(FormValidation.Kind.OK, deploy.doCheckGpu(item, "NVIDIA_GeForce_RTX_4090", "").kind);
                assertEquals(
                        "Variable prefix &#039;1X&#039; cannot start an environment variable name: use letters,"
                                + " digits and underscores, not starting with a digit.",
                        block.doCheckVariablePrefix(item, "1X").getMessage());
                assertEquals(
                        "Required: the NetMind service id of the endpoint.",
                        scale.doCheckServiceId(item, "").getMessage());
                assertEquals(FormValidation.Kind.OK, scale.doCheckInstances(item, "2").kind);
                assertEquals(List.of("usd", "cny", "nmt"), values(deploy.doFillPaymentTypeItems(item)));
                assertEquals(List.of("", "cn", "other"), values(deploy.doFillRegionItems(item, "")));
            }
        }
    }

    @Test
    void dropDownsSayWhatTheyMean() {
        NetmindDeployStep.DescriptorImpl deploy = ExtensionList.lookupSingleton(NetmindDeployStep.DescriptorImpl.class);
        assertEquals(
                List.of("US dollars (usd)", "Chinese yuan (cny)", "NetMind tokens (nmt)"),
                deploy.doFillPaymentTypeItems(job).stream().map(o -> o.name).toList());
        assertEquals(
                List.of("Any region", "China (cn)", "Outside China (other)", "eu"),
                deploy.doFillRegionItems(job, "eu").stream().map(o -> o.name).toList(),
                "a region typed in a script is kept");
    }

    @Test
    void theCredentialsListFollowsTheCredentialsPluginRules() {
        NetmindDeployStep.DescriptorImpl deploy = ExtensionList.lookupSingleton(NetmindDeployStep.DescriptorImpl.class);
        NetmindTeardownStep.DescriptorImpl teardown =
                ExtensionList.lookupSingleton(NetmindTeardownStep.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertEquals(List.of("mine"), values(deploy.doFillCredentialsIdItems(job, "mine")));
            assertEquals(List.of("mine"), values(teardown.doFillCredentialsIdItems(job, "mine")));
            assertEquals(List.of("mine"), values(deploy.doFillCredentialsIdItems(null, "mine")), "global: admin");
        }
        try (ACLContext ignored = ACL.as2(User.getById("viewer", true).impersonate2())) {
            assertEquals(List.of("", "netmind-token"), values(deploy.doFillCredentialsIdItems(job, "")));
            assertEquals(List.of("mine"), values(deploy.doFillCredentialsIdItems(null, "mine")), "global: admin");
        }
        try (ACLContext ignored = ACL.as2(User.getById("developer", true).impersonate2())) {
            ListBoxModel items = deploy.doFillCredentialsIdItems(job, "");
            assertEquals(List.of("", "netmind-token"), values(items));
            assertEquals(
                    "Use the default credentials (none set in Manage Jenkins » System » NetMind Endpoints)",
                    items.get(0).name);
        }
        NetMindGlobalConfiguration.get().setCredentialsId("netmind-token");
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            ListBoxModel items = deploy.doFillCredentialsIdItems(null, "");
            assertEquals(List.of("", "netmind-token"), values(items));
            assertEquals("Use the default credentials (NetMind token)", items.get(0).name);
        }
    }
}
