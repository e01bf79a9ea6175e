package io.jenkins.plugins.netmind.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The form logic every NetMind descriptor shares, Pipeline step or freestyle build step: the permission check, the
 * credentials drop-down and the checks of the endpoint settings' fields. Descriptors keep their own {@code @POST}
 * {@code doFill*}/{@code doCheck*} methods (Stapler finds them by name) and call these; each check method refuses
 * the request first unless the user may configure the item.
 */
public final class NetMindForms {

    private NetMindForms() {}

    /** Whether the current user may configure {@code item}, or administer Jenkins when there is no item. */
    public static boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** Refuses the request unless the current user may configure {@code item} (or administer Jenkins). */
    public static void checkConfigure(Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    /**
     * The Secret text credentials {@code item} may use, after an empty entry (the global default); only the current
     * value for a user who may not configure the item.
     */
    public static ListBoxModel credentialsItems(Item item, String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!mayConfigure(item)) {
            return result.includeCurrentValue(credentialsId);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(
                        item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                        item,
                        StringCredentials.class,
                        List.of(),
                        CredentialsMatchers.always())
                .includeCurrentValue(credentialsId);
    }

    /** The currencies NetMind bills in, the default first; empty for a user who may not configure the item. */
    public static ListBoxModel paymentTypeItems(Item item) {
        ListBoxModel items = new ListBoxModel();
        if (!mayConfigure(item)) {
            return items;
        }
        for (String type : FormChecks.PAYMENT_TYPES) {
            items.add(type);
        }
        return items;
    }

    /** The container image: required. */
    public static FormValidation checkImage(Item item, String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.required(value, Messages.Forms_imageRequired()));
    }

    /** Instances: empty (1) or at least 1. */
    public static FormValidation checkInstances(Item item, String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.atLeast(value, 1));
    }

    /** Container port: empty (8080) or 1 to 65535. */
    public static FormValidation checkPort(Item item, String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.between(value, 1, 65535));
    }

    /** GPUs per instance: empty or at least 0. */
    public static FormValidation checkGpuCount(Item item, String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.atLeast(value, 0));
    }

    /** Wait timeout in minutes: empty or at least 0 (0: the global default). */
    public static FormValidation checkTimeoutMinutes(Item item, String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.atLeast(value, 0));
    }

    /** Readiness path: empty or starting with a slash. */
    public static FormValidation checkReadinessPath(Item item, String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.path(value));
    }

    /** The service id of an endpoint to scale: required. */
    public static FormValidation checkServiceId(Item item, String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.required(value, Messages.Forms_serviceIdRequired()));
    }

    /** The instances to scale to: required and at least 1. */
    public static FormValidation checkRequiredInstances(Item item, String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> {
            FormChecks.required(value, Messages.Forms_instancesRequired());
            FormChecks.atLeast(value, 1);
        });
    }

    /** Variable prefix: empty ({@code NETMIND}) or a valid start of an environment variable name. */
    public static FormValidation checkVariablePrefix(Item item, String value) {
        checkConfigure(item);
        return FormChecks.toValidation(() -> FormChecks.variablePrefix(value));
    }
}
