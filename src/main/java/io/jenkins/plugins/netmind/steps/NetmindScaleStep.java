package io.jenkins.plugins.netmind.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.lifecycle.ScaleSpec;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code netmindScale}: changes the number of instances of an endpoint and, unless {@code wait: false}, waits until
 * it runs at the new scale.
 */
public final class NetmindScaleStep extends Step {

    private final String serviceId;
    private final int instances;
    private boolean wait = true;
    private int timeoutMinutes;
    private String credentialsId;

    /** Scales {@code serviceId} to {@code instances}. */
    @DataBoundConstructor
    public NetmindScaleStep(String serviceId, int instances) {
        this.serviceId = EndpointSettings.clean(serviceId);
        this.instances = instances;
    }

    public String getServiceId() {
        return serviceId;
    }

    public int getInstances() {
        return instances;
    }

    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    /** Minutes to wait for the new scale; 0 means the global default. */
    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = EndpointSettings.clean(credentialsId);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        ScaleSpec spec;
        try {
            spec = ScaleRequests.spec(
                    serviceId,
                    instances,
                    wait,
                    timeoutMinutes,
                    NetMindGlobalConfiguration.get().getDefaultTimeoutMinutes());
        } catch (RuntimeException e) {
            throw (Exception) StepFailures.forBuild(e);
        }
        return new ScaleExecution(context, credentialsId, spec);
    }

    /** The {@code netmindScale} step. */
    @Extension
    public static final class DescriptorImpl extends NetMindStepDescriptor {

        @Override
        public String getFunctionName() {
            return "netmindScale";
        }

        @Override
        public String getDisplayName() {
            return Messages.NetmindScaleStep_DisplayName();
        }

        /** The Pipeline Steps view's Arguments column: the service id and the instance count. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            Object serviceId = namedArgs.get("serviceId");
            Object instances = namedArgs.get("instances");
            if (!(serviceId instanceof String id) || instances == null) {
                return null;
            }
            return Messages.NetmindScaleStep_arguments(id, instances);
        }

        @POST
        public FormValidation doCheckServiceId(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkServiceId(value);
        }

        @POST
        public FormValidation doCheckInstances(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkRequiredInstances(value);
        }

        @POST
        public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkTimeoutMinutes(value);
        }
    }
}
