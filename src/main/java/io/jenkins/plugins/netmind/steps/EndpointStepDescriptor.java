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
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.required(value, Messages.Forms_imageRequired()));
    }

    @POST
    public FormValidation doCheckInstances(@AncestorInPath Item item, @QueryParameter String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.atLeast(value, 1));
    }

    @POST
    public FormValidation doCheckPort(@AncestorInPath Item item, @QueryParameter String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.between(value, 1, 65535));
    }

    @POST
    public FormValidation doCheckGpuCount(@AncestorInPath Item item, @QueryParameter String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.atLeast(value, 0));
    }

    @POST
    public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.atLeast(value, 0));
    }

    @POST
    public FormValidation doCheckReadinessPath(@AncestorInPath Item item, @QueryParameter String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.path(value));
    }

    /** The currencies NetMind bills in. */
    @POST
    public ListBoxModel doFillPaymentTypeItems(@AncestorInPath Item item) {
        ListBoxModel items = new ListBoxModel();
        if (!mayConfigure(item)) {
            return items;
        }
        for (String type : FormChecks.PAYMENT_TYPES) {
            items.add(type);
        }
        return items;
    }
}
