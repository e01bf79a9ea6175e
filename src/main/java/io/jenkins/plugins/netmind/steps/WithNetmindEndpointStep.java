package io.jenkins.plugins.netmind.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code withNetmindEndpoint}: creates a NetMind inference endpoint, runs the block with its URL, service id and name
 * in the environment, and deletes the endpoint however the block ends.
 */
public final class WithNetmindEndpointStep extends EndpointStep {

    private String variablePrefix = EndpointVariables.DEFAULT_PREFIX;

    /** A block step deploying {@code image}; the hardware ({@code flavorId} or {@code gpu}) is set separately. */
    @DataBoundConstructor
    public WithNetmindEndpointStep(String image) {
        super(image);
    }

    public String getVariablePrefix() {
        return variablePrefix;
    }

    /** The start of the variable names; empty means {@code NETMIND}. */
    @DataBoundSetter
    public void setVariablePrefix(String variablePrefix) {
        this.variablePrefix = EndpointVariables.prefixOrDefault(variablePrefix);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        EndpointVariables variables;
        try {
            variables = EndpointVariables.withPrefix(variablePrefix);
        } catch (IllegalArgumentException e) {
            throw (Exception) StepFailures.forBuild(e);
        }
        return new WithEndpointExecution(context, toSettings(), variables);
    }

    /** The {@code withNetmindEndpoint} block step. */
    @Extension
    public static final class DescriptorImpl extends EndpointStepDescriptor {

        @Override
        public String getFunctionName() {
            return "withNetmindEndpoint";
        }

        @Override
        public String getDisplayName() {
            return Messages.WithNetmindEndpointStep_DisplayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @POST
        public FormValidation doCheckVariablePrefix(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkVariablePrefix(value);
        }
    }
}
