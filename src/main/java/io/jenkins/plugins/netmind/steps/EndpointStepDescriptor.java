package io.jenkins.plugins.netmind.steps;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Map;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The form methods of the endpoint settings, shared by {@code netmindDeploy} and {@code withNetmindEndpoint}. They
 * check formats and fill fixed lists, so they need no permission (see {@link NetMindForms}).
 */
public abstract class EndpointStepDescriptor extends NetMindStepDescriptor {

    /** The Pipeline Steps view's Arguments column: the image and the GPU model (or the flavor id). */
    @Override
    public String argumentsToString(Map<String, Object> namedArgs) {
        Object image = namedArgs.get("image");
        Object hardware = namedArgs.get("gpu") != null ? namedArgs.get("gpu") : namedArgs.get("flavorId");
        if (!(image instanceof String imageName)) {
            return null;
        }
        return hardware == null
                ? imageName
                : Messages.EndpointStepDescriptor_arguments(imageName, String.valueOf(hardware));
    }

    @POST
    public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
        return NetMindForms.checkImage(value);
    }

    /** GPU model and flavor id: exactly one. */
    @POST
    public FormValidation doCheckGpu(
            @AncestorInPath Item item, @QueryParameter String gpu, @QueryParameter String flavorId) {
        return NetMindForms.checkHardware(gpu, flavorId);
    }

    /** Flavor id and GPU model: exactly one. */
    @POST
    public FormValidation doCheckFlavorId(
            @AncestorInPath Item item, @QueryParameter String flavorId, @QueryParameter String gpu) {
        return NetMindForms.checkHardware(gpu, flavorId);
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

    /** The currencies NetMind bills in. */
    @POST
    public ListBoxModel doFillPaymentTypeItems(@AncestorInPath Item item) {
        return NetMindForms.paymentTypeItems();
    }

    /** Any region, or one of NetMind's. */
    @POST
    public ListBoxModel doFillRegionItems(@AncestorInPath Item item, @QueryParameter String region) {
        return NetMindForms.regionItems(region);
    }

    /**
     * The "Validate" button: what {@code netmindDeploy(dryRun: true)} with these settings would resolve, or its error.
     * Creates nothing.
     */
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

    /** Checks the price ceiling field (issue 12): a format check, so it needs no permission. */
    @POST
    public FormValidation doCheckMaxPricePerHour(@AncestorInPath Item item, @QueryParameter String value) {
        return NetMindForms.checkMaxPricePerHour(value);
    }
}
