package io.jenkins.plugins.netmind.steps;

import hudson.Extension;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code netmindTeardown}: deletes every endpoint this build created and has not deleted, or the endpoints named by
 * {@code serviceId}/{@code serviceIds}. An endpoint already gone never fails it.
 */
public final class NetmindTeardownStep extends Step {

    private String serviceId;
    private List<String> serviceIds;
    private String credentialsId;

    /** Deletes every endpoint of this build unless told otherwise. */
    @DataBoundConstructor
    public NetmindTeardownStep() {}

    public String getServiceId() {
        return serviceId;
    }

    @DataBoundSetter
    public void setServiceId(String serviceId) {
        this.serviceId = EndpointSettings.clean(serviceId);
    }

    /** The service ids named in a list, or null. */
    public List<String> getServiceIds() {
        return serviceIds == null ? null : new ArrayList<>(serviceIds);
    }

    @DataBoundSetter
    public void setServiceIds(List<String> serviceIds) {
        this.serviceIds = serviceIds == null || serviceIds.isEmpty() ? null : new ArrayList<>(serviceIds);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = EndpointSettings.clean(credentialsId);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new TeardownExecution(context, credentialsId, TeardownTargets.of(serviceId, serviceIds));
    }

    /** The {@code netmindTeardown} step. */
    @Extension
    public static final class DescriptorImpl extends NetMindStepDescriptor {

        @Override
        public String getFunctionName() {
            return "netmindTeardown";
        }

        @Override
        public String getDisplayName() {
            return Messages.NetmindTeardownStep_DisplayName();
        }
    }
}
