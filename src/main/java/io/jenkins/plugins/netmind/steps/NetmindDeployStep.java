package io.jenkins.plugins.netmind.steps;

import hudson.Extension;
import java.util.LinkedHashMap;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code netmindDeploy}: creates a NetMind inference endpoint, waits until it is available and returns its URL,
 * service id, name, flavor, instances and price as a map. The endpoint lives until {@code netmindTeardown} deletes it
 * or the build ends. With {@code dryRun: true} it creates nothing and returns what a deploy would (see {@link
 * DryRunExecution}).
 */
public final class NetmindDeployStep extends EndpointStep {

    /** A step deploying {@code image}; the hardware ({@code flavorId} or {@code gpu}) is set separately. */
    @DataBoundConstructor
    public NetmindDeployStep(String image) {
        super(image);
    }

    private boolean dryRun;

    /** Whether this is a dry run: resolve what a deploy would and create nothing. */
    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    public StepExecution start(StepContext context) {
        return dryRun ? new DryRunExecution(context, toSettings()) : new Execution(context, toSettings());
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
