package io.jenkins.plugins.netmind.freestyle;

import hudson.AbortException;
import hudson.Extension;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.BuildListener;
import hudson.model.Item;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.LogSinks;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.lifecycle.ScaleResult;
import io.jenkins.plugins.netmind.lifecycle.ScaleSpec;
import io.jenkins.plugins.netmind.record.ExpiredEndpoints;
import io.jenkins.plugins.netmind.record.NetMindLedgers;
import io.jenkins.plugins.netmind.steps.NetMindForms;
import io.jenkins.plugins.netmind.steps.ScaleRequests;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Build step &raquo; "Scale a NetMind endpoint": the freestyle front end of {@code netmindScale}. Scales the endpoint
 * of this build's {@link NetmindEndpointBuildWrapper} (or the endpoint a service id names) with the same request
 * ({@link ScaleRequests}) and the same engine call ({@code EndpointEngine.scale} into the build's ledger), then waits
 * for the new scale on the build's own thread, as a freestyle build step does. An abort stops the wait and leaves the
 * endpoint as it is; the wrapper deletes it when the build ends.
 */
public final class NetmindScaleBuilder extends Builder {

    private final int instances;
    private String serviceId;
    private boolean wait = true;
    private int timeoutMinutes;
    private String credentialsId;

    /** Scales to {@code instances}; by default the endpoint of this build's wrapper. */
    @DataBoundConstructor
    public NetmindScaleBuilder(int instances) {
        this.instances = instances;
    }

    public int getInstances() {
        return instances;
    }

    /** The endpoint to scale; empty means the endpoint this build's wrapper created. */
    public String getServiceId() {
        return serviceId;
    }

    /** May hold build variables, e.g. {@code $JUDGE_SERVICE_ID}, expanded when the build runs. */
    @DataBoundSetter
    public void setServiceId(String serviceId) {
        this.serviceId = Util.fixEmptyAndTrim(serviceId);
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

    /** Empty means the credential the wrapper's endpoint was created with, or the global default. */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException {
        ScaleTarget target = ScaleTarget.of(build, serviceId, credentialsId, listener);
        ScaleSpec spec;
        try {
            spec = ScaleRequests.spec(
                    target.serviceId(),
                    instances,
                    wait,
                    timeoutMinutes,
                    NetMindGlobalConfiguration.get().getDefaultTimeoutMinutes());
        } catch (RuntimeException e) {
            throw BuildFailures.of(e);
        }
        Optional<ExpiredEndpoints.Expired> expired = ExpiredEndpoints.get().find(target.serviceId());
        if (expired.isPresent()) {
            // maximum lifetime (issue 11): the fleet sweep deleted it
            throw new AbortException(expired.get().message());
        }
        Connection connection = NetMindConnector.connectAs(build, target.connection());
        CompletableFuture<ScaleResult> scale =
                connection.engine().scale(spec, NetMindLedgers.forRun(build, connection), LogSinks.of(listener));
        try {
            scale.get();
        } catch (InterruptedException e) {
            scale.cancel(false);
            listener.getLogger().println(Messages.NetmindScaleBuilder_aborted(target.serviceId()));
            throw e;
        } catch (ExecutionException e) {
            throw BuildFailures.of(e);
        }
        return true;
    }

    /** The build step's descriptor: its form checks and drop-downs. */
    @Extension
    @Symbol("netmindScaleEndpoint")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        public String getDisplayName() {
            return Messages.NetmindScaleBuilder_DisplayName();
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @POST
        public FormValidation doCheckInstances(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkRequiredInstances(value);
        }

        @POST
        public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            return NetMindForms.checkTimeoutMinutes(value);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return NetMindForms.credentialsItems(item, credentialsId);
        }
    }
}
