package io.jenkins.plugins.netmind.steps;

import hudson.Extension;
import java.util.LinkedHashMap;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code netmindDeploy}: creates a NetMind inference endpoint, waits until it is available and returns its URL,
 * service id, name, flavor, instances and price as a map. The endpoint lives until {@code netmindTeardown} deletes it
 * or the build ends.
 */
public final class NetmindDeployStep extends EndpointStep {

    /** A step deploying {@code image}; the hardware ({@code flavorId} or {@code gpu}) is set separately. */
    @DataBoundConstructor
    public NetmindDeployStep(String image) {
        super(image);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, toSettings());
    }

    /** Waits for the endpoint and returns the map of {@link DeployResults}. */
    static final class Execution extends DeployingExecution {

        private static final long serialVersionUID = 1L;

        Execution(StepContext context, EndpointSettings settings) {
            super(context, settings);
        }

        @Override
        void deployed(LinkedHashMap<String, Object> endpoint) {
            succeed(endpoint);
        }

        @Override
        void resumeAvailable(LinkedHashMap<String, Object> endpoint) {
            succeed(endpoint);
        }
    }

    /** The {@code netmindDeploy} step. */
    @Extension
    public static final class DescriptorImpl extends EndpointStepDescriptor {

        @Override
        public String getFunctionName() {
            return "netmindDeploy";
        }

        @Override
        public String getDisplayName() {
            return Messages.NetmindDeployStep_DisplayName();
        }
    }
}
