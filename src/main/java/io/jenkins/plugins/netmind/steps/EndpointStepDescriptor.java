package io.jenkins.plugins.netmind.steps;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The form methods of the endpoint settings, shared by {@code netmindDeploy} and {@code withNetmindEndpoint}. */
public abstract class EndpointStepDescriptor extends NetMindStepDescriptor {

    @POST
    public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
        return NetMindForms.checkImage(item, value);
    }

    @POST
    public FormValidation doCheckInstances(@AncestorInPath Item item, @QueryParameter String value) {
        return NetMindForms.checkInstances(item, value);
    }

    @POST
    public FormValidation doCheckPort(@AncestorInPath Item item, @QueryParameter String value) {
        return NetMindForms.checkPort(item, value);
    }

    @POST
    public FormValidation doCheckGpuCount(@AncestorInPath Item item, @QueryParameter String value) {
        return NetMindForms.checkGpuCount(item, value);
    }

    @POST
    public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
        return NetMindForms.checkTimeoutMinutes(item, value);
    }

    @POST
    public FormValidation doCheckReadinessPath(@AncestorInPath Item item, @QueryParameter String value) {
        return NetMindForms.checkReadinessPath(item, value);
    }

    /** The currencies NetMind bills in. */
    @POST
    public ListBoxModel doFillPaymentTypeItems(@AncestorInPath Item item) {
        return NetMindForms.paymentTypeItems(item);
    }
}
