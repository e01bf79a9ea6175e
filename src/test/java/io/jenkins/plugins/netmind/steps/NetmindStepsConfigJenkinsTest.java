package io.jenkins.plugins.netmind.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Every step survives the Snippet Generator's form and prints as the documented Pipeline syntax. */
@WithJenkins
class NetmindStepsConfigJenkinsTest {

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
    }

    private static NetmindDeployStep fullDeploy() {
        NetmindDeployStep s = new NetmindDeployStep("vllm/vllm-openai:latest");
        s.setGpu("NVIDIA_GeForce_RTX_4090");
        s.setRegion("cn");
        s.setCredentialsId("netmind-token");
        s.setName("judge-7");
        s.setCommand("python app.py");
        s.setPort(8000);
        s.setGpuCount(2);
        s.setInstances(3);
        s.setPaymentType("cny");
        s.setTimeoutMinutes(45);
        s.setReadinessPath("/v1/models");
        s.setSendTokenToEndpoint(true);
        return s;
    }

    @Test
    void deployRoundTripsThroughTheForm() throws Exception {
        NetmindDeployStep before = fullDeploy();
        NetmindDeployStep after = new StepConfigTester(j).configRoundTrip(before);
        assertEquals(before.toSettings(), after.toSettings());

        NetmindDeployStep minimal = new NetmindDeployStep("python:3.10-slim");
        minimal.setFlavorId("69475e82e81c4dd6be3467e2ca374e0c");
        assertEquals(
                minimal.toSettings(),
                new StepConfigTester(j).configRoundTrip(minimal).toSettings());
    }

    @Test
    void withNetmindEndpointRoundTripsThroughTheForm() throws Exception {
        WithNetmindEndpointStep before = new WithNetmindEndpointStep("python:3.10-slim");
        before.setGpu("NVIDIA_GeForce_RTX_4090");
        before.setVariablePrefix("JUDGE");
        WithNetmindEndpointStep after = new StepConfigTester(j).configRoundTrip(before);
        assertEquals(before.toSettings(), after.toSettings());
        assertEquals("JUDGE", after.getVariablePrefix());
    }

    @Test
    void scaleAndTeardownRoundTripThroughTheForm() throws Exception {
        NetmindScaleStep scale = new NetmindScaleStep("svc-1", 3);
        scale.setWait(false);
        scale.setTimeoutMinutes(20);
        scale.setCredentialsId("netmind-token");
        NetmindScaleStep scaled = new StepConfigTester(j).configRoundTrip(scale);
        assertEquals("svc-1", scaled.getServiceId());
        assertEquals(3, scaled.getInstances());
        assertEquals(false, scaled.isWait());
        assertEquals(20, scaled.getTimeoutMinutes());
        assertEquals("netmind-token", scaled.getCredentialsId());
        assertEquals(
                true,
                new StepConfigTester(j)
                        .configRoundTrip(new NetmindScaleStep("svc-1", 3))
                        .isWait(),
                "a step that waits keeps waiting after the form");

        NetmindTeardownStep teardown = new NetmindTeardownStep();
        teardown.setServiceId("svc-1");
        NetmindTeardownStep torn = new StepConfigTester(j).configRoundTrip(teardown);
        assertEquals("svc-1", torn.getServiceId());
    }

    @Test
    void snippetsAreTheDocumentedSyntax() throws Exception {
        SnippetizerTester st = new SnippetizerTester(j);
        NetmindDeployStep deploy = new NetmindDeployStep("python:3.10-slim");
        deploy.setGpu("NVIDIA_GeForce_RTX_4090");
        st.assertRoundTrip(deploy, "netmindDeploy gpu: 'NVIDIA_GeForce_RTX_4090', image: 'python:3.10-slim'");
        st.assertRoundTrip(
                fullDeploy(),
                "netmindDeploy command: 'python app.py', credentialsId: 'netmind-token', gpu: 'NVIDIA_GeForce_RTX_4090',"
                        + " gpuCount: 2, image: 'vllm/vllm-openai:latest', instances: 3, name: 'judge-7',"
                        + " paymentType: 'cny', port: 8000, readinessPath: '/v1/models', region: 'cn',"
                        + " sendTokenToEndpoint: true, timeoutMinutes: 45");

        WithNetmindEndpointStep block = new WithNetmindEndpointStep("python:3.10-slim");
        block.setFlavorId("abc");
        block.setVariablePrefix("JUDGE");
        st.assertRoundTrip(
                block,
                "withNetmindEndpoint(flavorId: 'abc', image: 'python:3.10-slim', variablePrefix: 'JUDGE') {\n"
                        + "    // some block\n}");

        st.assertRoundTrip(new NetmindScaleStep("svc-1", 2), "netmindScale instances: 2, serviceId: 'svc-1'");
        NetmindScaleStep noWait = new NetmindScaleStep("svc-1", 2);
        noWait.setWait(false);
        st.assertRoundTrip(noWait, "netmindScale instances: 2, serviceId: 'svc-1', wait: false");

        st.assertRoundTrip(new NetmindTeardownStep(), "netmindTeardown()");
        NetmindTeardownStep named = new NetmindTeardownStep();
        named.setServiceIds(List.of("a", "b"));
        // the Snippet Generator keeps the parentheses when the only argument is a list
        st.assertRoundTrip(named, "netmindTeardown(serviceIds: ['a', 'b'])");
    }

    @Test
    void everyStepHasItsReferenceDocumentation() throws Exception {
        SnippetizerTester.assertDocGeneration(NetmindDeployStep.class);
        SnippetizerTester.assertDocGeneration(WithNetmindEndpointStep.class);
        SnippetizerTester.assertDocGeneration(NetmindScaleStep.class);
        SnippetizerTester.assertDocGeneration(NetmindTeardownStep.class);
    }
}
