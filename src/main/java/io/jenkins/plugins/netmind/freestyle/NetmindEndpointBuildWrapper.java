package io.jenkins.plugins.netmind.freestyle;

import hudson.AbortException;
import hudson.Extension;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.BuildListener;
import hudson.model.Item;
import hudson.tasks.BuildWrapper;
import hudson.tasks.BuildWrapperDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.netmind.steps.EndpointSettings;
import io.jenkins.plugins.netmind.steps.EndpointStep;
import io.jenkins.plugins.netmind.steps.EndpointVariables;
import io.jenkins.plugins.netmind.steps.NetMindForms;
import io.jenkins.plugins.netmind.steps.NetmindDeployStep;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Environment &raquo; "Run with a NetMind inference endpoint": the freestyle front end of {@code withNetmindEndpoint}.
 * Before the build steps run it creates the endpoint described by the shared {@link EndpointSettings} and waits until
 * it is available; the build steps see {@code <prefix>_ENDPOINT_URL}, {@code <prefix>_SERVICE_ID} and {@code
 * <prefix>_ENDPOINT_NAME}; when the build ends, however it ends, {@link EndpointDisposer} deletes the endpoint.
 *
 * <p>The wrapper API is synchronous, so the wait holds the build's executor thread (as every freestyle build step
 * does). Pipeline has {@code withNetmindEndpoint} for that, which holds no thread. This is a plain {@link BuildWrapper},
 * not a {@code SimpleBuildWrapper}, on purpose: Pipeline's {@code wrap} step, and with it the Snippet Generator and
 * the step reference, offers every {@code SimpleBuildWrapper} (by its symbol too), and this one could only fail there.
 */
public final class NetmindEndpointBuildWrapper extends BuildWrapper {

    /** The shared settings fields whose help the {@code netmindDeploy} step already has. */
    static final List<String> SHARED_FIELDS = List.of(
            "image",
            "flavorId",
            "gpu",
            "region",
            "credentialsId",
            "instances",
            "name",
            "command",
            "port",
            "gpuCount",
            "paymentType",
            "timeoutMinutes",
            "readinessPath",
            "sendTokenToEndpoint",
            // warm pool (issue 13)
            "keepWarmMinutes",
            "keepWarmOnFailure",
            // Maximum lifetime (issue 11)
            "maxLifetimeMinutes",
            // capacity guard (issue 12)
            "maxPricePerHour",
            "failWhenOverCapacity");

    private final EndpointSettings settings;
    private String variablePrefix = EndpointVariables.DEFAULT_PREFIX;

    /** A wrapper deploying {@code image}; the hardware ({@code flavorId} or {@code gpu}) is set separately. */
    @DataBoundConstructor
    public NetmindEndpointBuildWrapper(String image) {
        this.settings = new EndpointSettings(image);
    }

    /** A copy of the settings, so that a build cannot change the job's configuration. */
    public EndpointSettings toSettings() {
        return settings.copy();
    }

    @Override
    public Environment setUp(AbstractBuild build, Launcher launcher, BuildListener listener)
            throws IOException, InterruptedException {
        EndpointVariables variables;
        try {
            variables = EndpointVariables.withPrefix(variablePrefix);
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        FreestyleDeploy.Endpoint endpoint = FreestyleDeploy.deployAndWait(build, toSettings(), listener);
        Map<String, String> values = variables.values(endpoint.url(), endpoint.serviceId(), endpoint.name());
        EndpointDisposer disposer =
                new EndpointDisposer(settings.getCredentialsId(), endpoint.serviceId(), endpoint.name());
        listener.getLogger()
                .println(Messages.NetmindEndpointBuildWrapper_variables(
                        variables.urlVariable(), variables.serviceIdVariable(), variables.nameVariable()));
        return new Environment() {
            @Override
            public void buildEnvVars(Map<String, String> env) {
                env.putAll(values);
            }

            @Override
            public boolean tearDown(AbstractBuild build, BuildListener listener)
                    throws IOException, InterruptedException {
                disposer.tearDown(build, listener);
                return true;
            }
        };
    }

    public String getImage() {
        return settings.getImage();
    }

    public String getCredentialsId() {
        return settings.getCredentialsId();
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        settings.setCredentialsId(credentialsId);
    }

    public String getName() {
        return settings.getName();
    }

    @DataBoundSetter
    public void setName(String name) {
        settings.setName(name);
    }

    public String getFlavorId() {
        return settings.getFlavorId();
    }

    @DataBoundSetter
    public void setFlavorId(String flavorId) {
        settings.setFlavorId(flavorId);
    }

    public String getGpu() {
        return settings.getGpu();
    }

    @DataBoundSetter
    public void setGpu(String gpu) {
        settings.setGpu(gpu);
    }

    public String getRegion() {
        return settings.getRegion();
    }

    @DataBoundSetter
    public void setRegion(String region) {
        settings.setRegion(region);
    }

    public String getCommand() {
        return settings.getCommand();
    }

    @DataBoundSetter
    public void setCommand(String command) {
        settings.setCommand(command);
    }

    public int getPort() {
        return settings.getPort();
    }

    @DataBoundSetter
    public void setPort(int port) {
        settings.setPort(port);
    }

    public int getGpuCount() {
        return settings.getGpuCount();
    }

    @DataBoundSetter
    public void setGpuCount(int gpuCount) {
        settings.setGpuCount(gpuCount);
    }

    public int getInstances() {
        return settings.getInstances();
    }

    @DataBoundSetter
    public void setInstances(int instances) {
        settings.setInstances(instances);
    }

    public String getPaymentType() {
        return settings.getPaymentType();
    }

    @DataBoundSetter
    public void setPaymentType(String paymentType) {
        settings.setPaymentType(paymentType);
    }

    public int getTimeoutMinutes() {
        return settings.getTimeoutMinutes();
    }

    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        settings.setTimeoutMinutes(timeoutMinutes);
    }

    public String getReadinessPath() {
        return settings.getReadinessPath();
    }

    @DataBoundSetter
    public void setReadinessPath(String readinessPath) {
        settings.setReadinessPath(readinessPath);
    }

    public boolean isSendTokenToEndpoint() {
        return settings.isSendTokenToEndpoint();
    }

    @DataBoundSetter
    public void setSendTokenToEndpoint(boolean sendTokenToEndpoint) {
        settings.setSendTokenToEndpoint(sendTokenToEndpoint);
    }

    // ---- warm pool (issue 13) ----

    public int getKeepWarmMinutes() {
        return settings.getKeepWarmMinutes();
    }

    @DataBoundSetter
    public void setKeepWarmMinutes(int keepWarmMinutes) {
        settings.setKeepWarmMinutes(keepWarmMinutes);
    }

    public boolean isKeepWarmOnFailure() {
        return settings.isKeepWarmOnFailure();
    }

    @DataBoundSetter
    public void setKeepWarmOnFailure(boolean keepWarmOnFailure) {
        settings.setKeepWarmOnFailure(keepWarmOnFailure);
    }

    // Maximum lifetime (issue 11)
    public int getMaxLifetimeMinutes() {
        return settings.getMaxLifetimeMinutes();
    }

    @DataBoundSetter
    public void setMaxLifetimeMinutes(int maxLifetimeMinutes) {
        settings.setMaxLifetimeMinutes(maxLifetimeMinutes);
    }

    // ---- Capacity guard (issue 12) ----

    /** The most this endpoint may cost per hour in US dollars, 0 for no ceiling. */
    public double getMaxPricePerHour() {
        BigDecimal price = settings.getMaxPricePerHour();
        return price == null ? 0 : price.doubleValue();
    }

    /**
     * The most this endpoint may cost per hour in US dollars (the flavor's USD price, whatever the payment type); 0 for
     * no ceiling. A double so that Pipeline takes {@code maxPricePerHour: 2.5}; kept as the decimal it was written as.
     */
    @DataBoundSetter
    public void setMaxPricePerHour(double maxPricePerHour) {
        settings.setMaxPricePerHour(maxPricePerHour == 0 ? null : BigDecimal.valueOf(maxPricePerHour));
    }

    public boolean isFailWhenOverCapacity() {
        return settings.isFailWhenOverCapacity();
    }

    /** Whether to fail instead of waiting when the controller's limits cannot admit the deploy now. */
    @DataBoundSetter
    public void setFailWhenOverCapacity(boolean failWhenOverCapacity) {
        settings.setFailWhenOverCapacity(failWhenOverCapacity);
    }

    public String getVariablePrefix() {
        return variablePrefix;
    }

    /** The start of the variable names; empty means {@code NETMIND}. Checked when the build starts. */
    @DataBoundSetter
    public void setVariablePrefix(String variablePrefix) {
        this.variablePrefix = EndpointVariables.prefixOrDefault(variablePrefix);
    }

    /** The wrapper's descriptor: the shared settings form, its checks and its help. */
    @Extension
    @Symbol("netmindEndpoint")
    public static final class DescriptorImpl extends BuildWrapperDescriptor {

        /** Points the shared fields' help at the {@code netmindDeploy} step's, so it is written once. */
        public DescriptorImpl() {
            for (String field : SHARED_FIELDS) {
                addHelpFileRedirect(field, NetmindDeployStep.class, field);
            }
        }

        @Override
        public String getDisplayName() {
            return Messages.NetmindEndpointBuildWrapper_DisplayName();
        }

        @Override
        public boolean isApplicable(AbstractProject<?, ?> item) {
            return true;
        }

        /** The class whose {@code endpoint-settings.jelly} the configuration page includes. */
        public Class<?> getSettingsFormClass() {
            return EndpointStep.class;
        }

        /** The "Validate" button: what a dry run with these settings would resolve, or its error. */
        @POST
        public FormValidation doValidate(
                @AncestorInPath Item item,
                @QueryParameter String image,
                @QueryParameter String credentialsId,
                @QueryParameter String flavorId,
                @QueryParameter String gpu,
                @QueryParameter String region,
                @QueryParameter String instances,
                @QueryParameter String gpuCount,
                @QueryParameter String paymentType,
                @QueryParameter String name,
                @QueryParameter String maxPricePerHour) {
            return NetMindForms.validate(
                    item,
                    image,
                    credentialsId,
                    flavorId,
                    gpu,
                    region,
                    instances,
                    gpuCount,
                    paymentType,
                    name,
                    maxPricePerHour);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return NetMindForms.credentialsItems(item, credentialsId);
        }

        @POST
        public ListBoxModel doFillPaymentTypeItems(@AncestorInPath Item item) {
            return NetMindForms.paymentTypeItems();
        }

        @POST
        public ListBoxModel doFillRegionItems(@AncestorInPath Item item, @QueryParameter String region) {
            return NetMindForms.regionItems(region);
        }

        @POST
        public FormValidation doCheckGpu(
                @AncestorInPath Item item, @QueryParameter String gpu, @QueryParameter String flavorId) {
            return NetMindForms.checkHardware(gpu, flavorId);
        }

        @POST
        public FormValidation doCheckFlavorId(
                @AncestorInPath Item item, @QueryParameter String flavorId, @QueryParameter String gpu) {
            return NetMindForms.checkHardware(gpu, flavorId);
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkImage(value);
        }

        @POST
        public FormValidation doCheckInstances(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkInstances(value);
        }

        @POST
        public FormValidation doCheckPort(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkPort(value);
        }

        @POST
        public FormValidation doCheckGpuCount(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkGpuCount(value);
        }

        @POST
        public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkTimeoutMinutes(value);
        }

        /** Maximum lifetime (issue 11): a format check against the global ceiling. */
        @POST
        public FormValidation doCheckMaxLifetimeMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkMaxLifetimeMinutes(value);
        }

        @POST
        public FormValidation doCheckReadinessPath(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkReadinessPath(value);
        }

        /** Checks the price ceiling field (issue 12): a format check, so it needs no permission. */
        @POST
        public FormValidation doCheckMaxPricePerHour(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkMaxPricePerHour(value);
        }

        @POST
        public FormValidation doCheckVariablePrefix(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkVariablePrefix(value);
        }
    }
}
