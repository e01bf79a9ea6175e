package io.jenkins.plugins.netmind.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.lifecycle.DeployPlan;
import io.jenkins.plugins.netmind.lifecycle.DeploySpec;
import io.jenkins.plugins.netmind.lifecycle.LogSink;
import io.jenkins.plugins.netmind.lifecycle.Texts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The form logic every NetMind descriptor shares, Pipeline step or freestyle build wrapper: the drop-downs and the
 * checks of the endpoint settings' fields. Descriptors keep their own {@code @POST} {@code doFill*}/{@code doCheck*}
 * methods (Stapler finds them by name) and call these.
 *
 * <p>Who may call what follows the credentials plugin's conventions for consumers: the per-job Pipeline Syntax is open
 * to Item/ExtendedRead and the global one to Overall/Read, so the format checks and the fixed drop-downs here need no
 * permission (they reveal nothing and call nothing). The credentials list shows the job's credentials only to a user
 * who may see its configuration or use its credentials, and otherwise just the current value.
 */
public final class NetMindForms {

    /** The regions NetMind's flavors name ({@code meta_info.region}), in the order the form offers them. */
    static final List<String> REGIONS = List.of("cn", "other");

    private NetMindForms() {}

    /**
     * Whether the current user may list the credentials of {@code item}: Item/ExtendedRead or Credentials/UseItem on
     * it, or Overall/Administer without an item (the credentials plugin's {@code docs/consumer.adoc}).
     */
    static boolean mayListCredentials(Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /**
     * The Secret text credentials {@code item} may use, after an entry for the global default (empty value); only the
     * current value for a user who may not list them.
     */
    public static ListBoxModel credentialsItems(Item item, String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!mayListCredentials(item)) {
            return result.includeCurrentValue(credentialsId);
        }
        result.add(defaultCredentialsLabel(), "");
        return result.includeMatchingAs(
                        item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                        item,
                        StringCredentials.class,
                        List.of(),
                        CredentialsMatchers.always())
                .includeCurrentValue(credentialsId);
    }

    /** "Use the default credentials (name)", or says that none is set. */
    private static String defaultCredentialsLabel() {
        String id = NetMindGlobalConfiguration.get().getCredentialsId();
        if (id == null) {
            return Messages.Forms_noDefaultCredentials();
        }
        StringCredentials credential = CredentialsProvider.findCredentialByIdInItemGroup(
                id, StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
        return Messages.Forms_defaultCredentials(credential != null ? CredentialsNameProvider.name(credential) : id);
    }

    /** The currencies NetMind bills in, with readable labels, the default first. Fixed: needs no permission. */
    public static ListBoxModel paymentTypeItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.Forms_paymentUsd(), "usd");
        items.add(Messages.Forms_paymentCny(), "cny");
        items.add(Messages.Forms_paymentNmt(), "nmt");
        return items;
    }

    /**
     * Any region, then the regions NetMind's flavors name, with readable labels; keeps a value typed elsewhere (a
     * Pipeline script, Job DSL). Fixed: needs no permission.
     */
    public static ListBoxModel regionItems(String current) {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.Forms_regionAny(), "");
        items.add(Messages.Forms_regionCn(), "cn");
        items.add(Messages.Forms_regionOther(), "other");
        String typed = EndpointSettings.clean(current);
        if (typed != null && !REGIONS.contains(typed)) {
            items.add(typed, typed);
        }
        for (ListBoxModel.Option option : items) {
            option.selected = option.value.equals(typed == null ? "" : typed);
        }
        return items;
    }

    /** The container image: required. */
    public static FormValidation checkImage(String value) {
        return FormChecks.toValidation(() -> FormChecks.required(value, Messages.Forms_imageRequired()));
    }

    /** GPU model and flavor id: exactly one of them. */
    public static FormValidation checkHardware(String gpu, String flavorId) {
        return FormChecks.toValidation(() -> FormChecks.exactlyOneHardware(gpu, flavorId));
    }

    /** Instances: empty (1) or at least 1. */
    public static FormValidation checkInstances(String value) {
        return FormChecks.toValidation(() -> FormChecks.atLeast(Messages.Forms_instancesLabel(), value, 1));
    }

    /** Container port: empty (8080) or 1 to 65535. */
    public static FormValidation checkPort(String value) {
        return FormChecks.toValidation(() -> FormChecks.between(Messages.Forms_portLabel(), value, 1, 65535));
    }

    /** GPUs per instance: empty or at least 0. */
    public static FormValidation checkGpuCount(String value) {
        return FormChecks.toValidation(() -> FormChecks.atLeast(Messages.Forms_gpuCountLabel(), value, 0));
    }

    /** Wait timeout in minutes: empty or at least 0 (0: the global default). */
    public static FormValidation checkTimeoutMinutes(String value) {
        return FormChecks.toValidation(() -> FormChecks.atLeast(Messages.Forms_timeoutLabel(), value, 0));
    }

    /** Maximum lifetime (issue 11) in minutes: empty or at least 0 (0: the global default), not above the ceiling. */
    public static FormValidation checkMaxLifetimeMinutes(String value) {
        return FormChecks.toValidation(() -> {
            FormChecks.atLeast(Messages.Forms_maxLifetimeLabel(), value, 0);
            String cleaned = EndpointSettings.clean(value);
            if (cleaned != null) {
                EndpointSettings settings = new EndpointSettings(null);
                settings.setMaxLifetimeMinutes(Integer.parseInt(cleaned));
                NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
                settings.lifetime(config.getDefaultMaxLifetimeMinutes(), config.getMaxLifetimeCeilingMinutes());
            }
        });
    }

    /** Readiness path: empty or starting with a slash. */
    public static FormValidation checkReadinessPath(String value) {
        return FormChecks.toValidation(() -> FormChecks.path(value));
    }

    /** The service id of an endpoint to scale: required. */
    public static FormValidation checkServiceId(String value) {
        return FormChecks.toValidation(() -> FormChecks.required(value, Messages.Forms_serviceIdRequired()));
    }

    /** The instances to scale to: required and at least 1. */
    public static FormValidation checkRequiredInstances(String value) {
        return FormChecks.toValidation(() -> {
            FormChecks.required(value, Messages.Forms_instancesRequired());
            FormChecks.atLeast(Messages.Forms_instancesLabel(), value, 1);
        });
    }

    /** Variable prefix: empty ({@code NETMIND}) or a valid start of an environment variable name. */
    public static FormValidation checkVariablePrefix(String value) {
        return FormChecks.toValidation(() -> FormChecks.variablePrefix(value));
    }

    /** How long the "Validate" button waits for NetMind. */
    static final int VALIDATE_TIMEOUT_SECONDS = 30;

    /**
     * The "Validate" button of the endpoint settings: resolves what {@code netmindDeploy(dryRun: true)} would (the
     * credential as {@code item}'s builds find it, the API URL, the flavor, its capacity left and the price) and shows
     * it, or the error a deploy would give. Creates nothing. Reaches NetMind with a credential, so it needs
     * Item/Configure on {@code item} (Overall/Administer without one), like the global "Test connection".
     */
    @SuppressWarnings("checkstyle:ParameterNumber") // the form's fields, as Stapler passes them
    public static FormValidation validate(
            Item item,
            String image,
            String credentialsId,
            String flavorId,
            String gpu,
            String region,
            String instances,
            String gpuCount,
            String paymentType,
            String name,
            String maxPricePerHour) {
        if (item != null) {
            item.checkPermission(Item.CONFIGURE);
        } else {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        }
        DeployPlan plan;
        try {
            EndpointSettings settings = new EndpointSettings(image);
            settings.setCredentialsId(credentialsId);
            settings.setFlavorId(flavorId);
            settings.setGpu(gpu);
            settings.setRegion(region);
            settings.setName(name);
            settings.setInstances(
                    number(Messages.Forms_instancesLabel(), instances, 1, EndpointSettings.DEFAULT_INSTANCES));
            settings.setGpuCount(
                    number(Messages.Forms_gpuCountLabel(), gpuCount, 0, EndpointSettings.DEFAULT_GPU_COUNT));
            if (EndpointSettings.clean(paymentType) != null) {
                settings.setPaymentType(paymentType);
            }
            settings.setMaxPricePerHour(price(maxPricePerHour));
            DeploySpec spec = DeploySpecs.forOwner(item == null ? "" : item.getFullName(), settings);
            Connection connection = NetMindConnector.connectForItem(item, settings.getCredentialsId());
            plan = connection.engine().plan(spec, LogSink.NONE).get(VALIDATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (AbortException | RuntimeException e) {
            return FormValidation.error(StepFailures.message(e));
        } catch (ExecutionException e) {
            return FormValidation.error(StepFailures.message(e.getCause()));
        } catch (TimeoutException e) {
            return FormValidation.error(Messages.Forms_validateTimeout(VALIDATE_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormValidation.error(Messages.Forms_validateInterrupted());
        }
        String validated = Messages.Forms_validated(
                plan.flavorName(),
                Objects.toString(plan.region(), "-"),
                plan.flavorId(),
                plan.instances(),
                Texts.money(plan.pricePerHour(), plan.paymentType()),
                Texts.money(plan.totalPerHour(), plan.paymentType()),
                plan.capacityLeft(),
                plan.apiUrl());
        if (plan.capacity() != null && plan.capacity().limits().any()) {
            validated += " "
                    + (plan.waitsForCapacity()
                            ? Messages.Forms_validatedWaits(plan.capacity().describe())
                            : Messages.Forms_validatedCapacity(plan.capacity().describe()));
        }
        return FormValidation.ok(validated);
    }

    // ---- Capacity guard (issue 12) ----

    /** The price ceiling field: empty or 0 is no ceiling; else a positive amount of US dollars. */
    public static FormValidation checkMaxPricePerHour(String value) {
        try {
            price(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** Parses the price ceiling field: null when empty or 0; IllegalArgumentException saying what to enter. */
    static BigDecimal price(String value) {
        String cleaned = EndpointSettings.clean(value);
        if (cleaned == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(cleaned);
            if (amount.signum() == 0) {
                return null;
            }
            if (amount.signum() > 0) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(Messages.Forms_maxPricePerHourInvalid(cleaned));
    }

    /** Parses a number field of the form: empty means {@code otherwise}; a bad one fails with the field's message. */
    static int number(String label, String value, int min, int otherwise) {
        String cleaned = EndpointSettings.clean(value);
        if (cleaned == null) {
            return otherwise;
        }
        FormChecks.atLeast(label, cleaned, min);
        return Integer.parseInt(cleaned);
    }
}
