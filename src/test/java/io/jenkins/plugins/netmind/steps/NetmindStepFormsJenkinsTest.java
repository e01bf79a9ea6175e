package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hudson.ExtensionList;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessDeniedException3;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The steps' form methods check the permission to configure the job before anything else. */
@WithJenkins
class NetmindStepFormsJenkinsTest {

    private JenkinsRule j;
    private WorkflowJob job;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        job = j.createProject(WorkflowJob.class, "p");
        NetMindJenkinsFixture.addSecretText("netmind-token", "not-a-real-token");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("developer")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader"));
    }

    @Test
    void aReaderIsRefusedAndSeesNoCredentials() {
        NetmindDeployStep.DescriptorImpl deploy = ExtensionList.lookupSingleton(NetmindDeployStep.DescriptorImpl.class);
        WithNetmindEndpointStep.DescriptorImpl block =
                ExtensionList.lookupSingleton(WithNetmindEndpointStep.DescriptorImpl.class);
        NetmindScaleStep.DescriptorImpl scale = ExtensionList.lookupSingleton(NetmindScaleStep.DescriptorImpl.class);
        NetmindTeardownStep.DescriptorImpl teardown =
                ExtensionList.lookupSingleton(NetmindTeardownStep.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThrows(AccessDeniedException3.class, () -> deploy.doCheckImage(job, "python:3.10-slim"));
            assertThrows(AccessDeniedException3.class, () -> deploy.doCheckInstances(job, "1"));
            assertThrows(AccessDeniedException3.class, () -> deploy.doCheckPort(job, "8080"));
            assertThrows(AccessDeniedException3.class, () -> deploy.doCheckGpuCount(job, "1"));
            assertThrows(AccessDeniedException3.class, () -> deploy.doCheckTimeoutMinutes(job, "0"));
            assertThrows(AccessDeniedException3.class, () -> deploy.doCheckReadinessPath(job, "/health"));
            assertThrows(AccessDeniedException3.class, () -> block.doCheckVariablePrefix(job, "JUDGE"));
            assertThrows(AccessDeniedException3.class, () -> scale.doCheckServiceId(job, "svc"));
            assertThrows(AccessDeniedException3.class, () -> scale.doCheckInstances(job, "2"));
            assertThrows(AccessDeniedException3.class, () -> deploy.doCheckImage(null, "python:3.10-slim"));
            assertEquals(List.of("mine"), values(deploy.doFillCredentialsIdItems(job, "mine")));
            assertEquals(List.of("mine"), values(teardown.doFillCredentialsIdItems(job, "mine")));
            assertEquals(List.of(), values(deploy.doFillPaymentTypeItems(job)));
        }
        try (ACLContext ignored = ACL.as2(User.getById("developer", true).impersonate2())) {
            assertEquals(List.of("", "netmind-token"), values(deploy.doFillCredentialsIdItems(job, "")));
            assertEquals(List.of("usd", "cny", "nmt"), values(deploy.doFillPaymentTypeItems(job)));
            assertEquals(
                    "0 is too small: at least 1.",
                    deploy.doCheckInstances(job, "0").getMessage());
            assertThrows(AccessDeniedException3.class, () -> deploy.doCheckImage(null, "x"), "no item: admin only");
        }
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertEquals(
                    "Required: the container image the endpoint runs.",
                    deploy.doCheckImage(null, " ").getMessage());
        }
    }
}
