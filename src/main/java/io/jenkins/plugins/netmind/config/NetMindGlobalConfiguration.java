package io.jenkins.plugins.netmind.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.netmind.client.Flavor;
import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.NetMindException;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.record.ControllerCapacity;
import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The NetMind settings of Manage Jenkins → System, also settable with Configuration-as-Code under {@code netmind}: the
 * API base URL, the default credentials id, the default wait timeout and the default readiness path.
 */
@Extension
@Symbol("netmind")
public class NetMindGlobalConfiguration extends GlobalConfiguration {

    /** The default wait for an endpoint to become available, in minutes. */
    public static final int DEFAULT_TIMEOUT_MINUTES = 30;

    /** How long "Test connection" waits for NetMind, in seconds. */
    private static final int TEST_TIMEOUT_SECONDS = 30;

    private String apiUrl = NetMindClient.DEFAULT_BASE_URL.toString();
    private String credentialsId;
    private int defaultTimeoutMinutes = DEFAULT_TIMEOUT_MINUTES;
    private String defaultReadinessPath;
    /** Warm pool (issue 13): the longest keep-warm time in minutes; 0 = off. */
    private int maxKeepWarmMinutes;

    // Maximum lifetime (issue 11): the expiry written into each endpoint's marker, enforced by the fleet sweep
    /** The default maximum lifetime of an endpoint, in minutes: 24 hours. */
    public static final int DEFAULT_MAX_LIFETIME_MINUTES = 1440;

    private int defaultMaxLifetimeMinutes = DEFAULT_MAX_LIFETIME_MINUTES;
    private Integer maxLifetimeCeilingMinutes;

    // Capacity limits (issue 12): each null for no limit; see CapacityLimits and record.ControllerCapacity
    private Integer maxLiveEndpoints;
    private Integer maxInstancesPerEndpoint;
    private Integer maxGpus;
    private String maxUsdPerHour;

    /** The name the settings were saved under before the class moved out of the root package. */
    private static final String SAVED_AS = "io.jenkins.plugins.netmind.NetMindGlobalConfiguration";

    static {
        Jenkins.XSTREAM2.addCompatibilityAlias(SAVED_AS, NetMindGlobalConfiguration.class);
    }

    /** Loads the saved settings. */
    public NetMindGlobalConfiguration() {
        load();
    }

    /** The file the settings have always been saved in, whatever package this class is in. */
    @Override
    protected XmlFile getConfigFile() {
        return new XmlFile(Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), SAVED_AS + ".xml"));
    }

    /** The settings of this controller. */
    public static NetMindGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(NetMindGlobalConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return Messages.NetMindGlobalConfiguration_displayName();
    }

    /**
     * Saves the form, after checking every field the way its {@code doCheck*} method does: a bad value is refused with a
     * {@link Descriptor.FormException} that names the field and says what to fix (Jenkins shows it on an error page
     * and keeps the old settings), never an HTTP 500 from a setter's {@link IllegalArgumentException}.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws Descriptor.FormException {
        refuse(
                SettingChecks.blankToNull(json.optString("apiUrl")) == null
                        ? Optional.empty()
                        : SettingChecks.apiUrl(json.optString("apiUrl")),
                "apiUrl",
                Messages.NetMindGlobalConfiguration_apiUrlTitle());
        refuse(
                SettingChecks.timeoutMinutes(
                        json.optString("defaultTimeoutMinutes", String.valueOf(DEFAULT_TIMEOUT_MINUTES))),
                "defaultTimeoutMinutes",
                Messages.NetMindGlobalConfiguration_defaultTimeoutTitle());
        refuse(
                SettingChecks.readinessPath(json.optString("defaultReadinessPath")),
                "defaultReadinessPath",
                Messages.NetMindGlobalConfiguration_defaultReadinessPathTitle());
        // warm pool (issue 13)
        refuse(
                SettingChecks.maxKeepWarmMinutes(json.optString("maxKeepWarmMinutes", "0")),
                "maxKeepWarmMinutes",
                Messages.NetMindGlobalConfiguration_maxKeepWarmTitle());
        configureLifetime(json);
        // Capacity limits (issue 12): checked like the fields above; an empty one clears the limit
        for (String[] limit : new String[][] {
            {"maxLiveEndpoints", Messages.NetMindGlobalConfiguration_maxLiveEndpointsTitle()},
            {"maxInstancesPerEndpoint", Messages.NetMindGlobalConfiguration_maxInstancesPerEndpointTitle()},
            {"maxGpus", Messages.NetMindGlobalConfiguration_maxGpusTitle()}
        }) {
            refuse(CapacityLimits.count(json.optString(limit[0])), limit[0], limit[1]);
        }
        refuse(
                CapacityLimits.usd(json.optString("maxUsdPerHour")),
                "maxUsdPerHour",
                Messages.NetMindGlobalConfiguration_maxUsdPerHourTitle());
        List<String> cleared = new ArrayList<>();
        for (String key : new String[] {"maxLiveEndpoints", "maxInstancesPerEndpoint", "maxGpus", "maxUsdPerHour"}) {
            if (SettingChecks.blankToNull(json.optString(key)) == null) {
                json.remove(key);
                cleared.add(key);
            }
        }
        try {
            req.bindJSON(this, json);
        } catch (IllegalArgumentException e) {
            // a rule the checks above do not know yet: still a message, not a stack trace
            throw new Descriptor.FormException(e.getMessage(), e, "netmind");
        }
        maxLiveEndpoints = cleared.contains("maxLiveEndpoints") ? null : maxLiveEndpoints;
        maxInstancesPerEndpoint = cleared.contains("maxInstancesPerEndpoint") ? null : maxInstancesPerEndpoint;
        maxGpus = cleared.contains("maxGpus") ? null : maxGpus;
        maxUsdPerHour = cleared.contains("maxUsdPerHour") ? null : maxUsdPerHour;
        limitsSaved();
        return true;
    }

    /**
     * Checks and applies the lifetime fields (the ceiling may be empty: none), then leaves them out of {@code json}
     * so that {@code bindJSON} does not convert an empty ceiling.
     */
    private void configureLifetime(JSONObject json) throws Descriptor.FormException {
        String defaultText = json.optString("defaultMaxLifetimeMinutes", String.valueOf(DEFAULT_MAX_LIFETIME_MINUTES));
        String ceilingText = json.optString("maxLifetimeCeilingMinutes", "");
        refuse(
                SettingChecks.lifetimeMinutes(defaultText),
                "defaultMaxLifetimeMinutes",
                Messages.NetMindGlobalConfiguration_defaultMaxLifetimeTitle());
        refuse(
                SettingChecks.lifetimeCeilingMinutes(ceilingText),
                "maxLifetimeCeilingMinutes",
                Messages.NetMindGlobalConfiguration_maxLifetimeCeilingTitle());
        refuse(
                SettingChecks.defaultWithinCeiling(defaultText, ceilingText),
                "defaultMaxLifetimeMinutes",
                Messages.NetMindGlobalConfiguration_defaultMaxLifetimeTitle());
        json.remove("defaultMaxLifetimeMinutes");
        json.remove("maxLifetimeCeilingMinutes");
        this.defaultMaxLifetimeMinutes = Integer.parseInt(defaultText.trim());
        String ceiling = SettingChecks.blankToNull(ceilingText);
        this.maxLifetimeCeilingMinutes = ceiling == null || ceiling.equals("0") ? null : Integer.valueOf(ceiling);
    }

    private static void refuse(Optional<String> problem, String field, String label) throws Descriptor.FormException {
        if (problem.isPresent()) {
            throw new Descriptor.FormException(
                    Messages.NetMindGlobalConfiguration_badField(label, problem.get()), field);
        }
    }

    /** The NetMind API base URL; {@code https://api.netmind.ai} unless set. */
    public String getApiUrl() {
        String url = SettingChecks.blankToNull(apiUrl);
        return url != null ? url : NetMindClient.DEFAULT_BASE_URL.toString();
    }

    /**
     * Sets the API base URL; blank restores the default.
     *
     * @throws IllegalArgumentException when the URL is not https (plain http is accepted for loopback hosts only)
     */
    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        String url = SettingChecks.blankToNull(apiUrl);
        if (url != null) {
            SettingChecks.parseApiUrl(url);
        }
        this.apiUrl = url != null ? url : NetMindClient.DEFAULT_BASE_URL.toString();
        save();
    }

    /** The id of the Secret text credential steps use when they name none, or {@code null}. */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = SettingChecks.blankToNull(credentialsId);
        save();
    }

    /** How long steps wait for an endpoint to become available when they say nothing, in minutes. */
    public int getDefaultTimeoutMinutes() {
        return defaultTimeoutMinutes;
    }

    /**
     * Sets the default wait.
     *
     * @throws IllegalArgumentException when it is less than one minute
     */
    @DataBoundSetter
    public void setDefaultTimeoutMinutes(int defaultTimeoutMinutes) {
        Optional<String> problem = SettingChecks.timeoutMinutes(Integer.toString(defaultTimeoutMinutes));
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        this.defaultTimeoutMinutes = defaultTimeoutMinutes;
        save();
    }

    /** The path steps probe on a new endpoint before calling it ready, or {@code null} for none. */
    public String getDefaultReadinessPath() {
        return defaultReadinessPath;
    }

    /**
     * Sets the default readiness path; blank means none.
     *
     * @throws IllegalArgumentException when it does not start with a slash
     */
    @DataBoundSetter
    public void setDefaultReadinessPath(String defaultReadinessPath) {
        Optional<String> problem = SettingChecks.readinessPath(defaultReadinessPath);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        this.defaultReadinessPath = SettingChecks.blankToNull(defaultReadinessPath);
        save();
    }

    // ---- warm pool (issue 13) ----

    /**
     * The longest a build may keep its endpoint warm for the next build ({@code keepWarmMinutes}), in idle minutes;
     * 0 (the default) turns warm endpoints off: steps then delete their endpoints as usual and say so in the log.
     */
    public int getMaxKeepWarmMinutes() {
        return maxKeepWarmMinutes;
    }

    /**
     * Sets the longest keep-warm time; 0 turns the feature off.
     *
     * @throws IllegalArgumentException when it is negative or longer than {@link SettingChecks#MAX_KEEP_WARM_MINUTES}
     */
    @DataBoundSetter
    public void setMaxKeepWarmMinutes(int maxKeepWarmMinutes) {
        Optional<String> problem = SettingChecks.maxKeepWarmMinutes(Integer.toString(maxKeepWarmMinutes));
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        this.maxKeepWarmMinutes = maxKeepWarmMinutes;
        save();
    }

    /** Checks the maximum keep-warm field: a format check, so it needs no permission. */
    @POST
    public FormValidation doCheckMaxKeepWarmMinutes(@QueryParameter String value) {
        return validation(SettingChecks.maxKeepWarmMinutes(value));
    }

    // Maximum lifetime (issue 11)
    /** The maximum lifetime of an endpoint whose step or wrapper sets none, in minutes (24 hours unless set). */
    public int getDefaultMaxLifetimeMinutes() {
        return defaultMaxLifetimeMinutes;
    }

    /**
     * Sets the default maximum lifetime.
     *
     * @throws IllegalArgumentException when it is not between one minute and 366 days
     */
    @DataBoundSetter
    public void setDefaultMaxLifetimeMinutes(int minutes) {
        Optional<String> problem = SettingChecks.lifetimeMinutes(Integer.toString(minutes));
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        this.defaultMaxLifetimeMinutes = minutes;
        save();
    }

    /** The longest lifetime a step or wrapper may ask for, in minutes, or {@code null} for no ceiling. */
    public Integer getMaxLifetimeCeilingMinutes() {
        return maxLifetimeCeilingMinutes;
    }

    /**
     * Sets the ceiling; null or 0 means none.
     *
     * @throws IllegalArgumentException when it is negative or longer than 366 days
     */
    @DataBoundSetter
    public void setMaxLifetimeCeilingMinutes(Integer minutes) {
        Integer value = minutes == null || minutes == 0 ? null : minutes;
        Optional<String> problem = SettingChecks.lifetimeCeilingMinutes(value == null ? "" : value.toString());
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        this.maxLifetimeCeilingMinutes = value;
        save();
    }

    /** Checks the default maximum lifetime field: a format check, so it needs no permission. */
    @POST
    public FormValidation doCheckDefaultMaxLifetimeMinutes(
            @QueryParameter String value, @QueryParameter String maxLifetimeCeilingMinutes) {
        Optional<String> problem = SettingChecks.lifetimeMinutes(value);
        return validation(
                problem.isPresent() ? problem : SettingChecks.defaultWithinCeiling(value, maxLifetimeCeilingMinutes));
    }

    /** Checks the lifetime ceiling field: a format check, so it needs no permission. */
    @POST
    public FormValidation doCheckMaxLifetimeCeilingMinutes(@QueryParameter String value) {
        return validation(SettingChecks.lifetimeCeilingMinutes(value));
    }

    // ---- Capacity limits (issue 12) ----

    /** How many endpoints this controller may hold live at once (intent until confirmed gone), or null for no limit. */
    public Integer getMaxLiveEndpoints() {
        return maxLiveEndpoints;
    }

    /**
     * Sets the limit on live endpoints; null for none.
     *
     * @throws IllegalArgumentException when it is less than 1
     */
    @DataBoundSetter
    public void setMaxLiveEndpoints(Integer maxLiveEndpoints) {
        this.maxLiveEndpoints = checkedCount(maxLiveEndpoints);
        limitsSaved();
    }

    /** How many instances one endpoint may have, or null for no limit. */
    public Integer getMaxInstancesPerEndpoint() {
        return maxInstancesPerEndpoint;
    }

    /**
     * Sets the limit on instances per endpoint; null for none.
     *
     * @throws IllegalArgumentException when it is less than 1
     */
    @DataBoundSetter
    public void setMaxInstancesPerEndpoint(Integer maxInstancesPerEndpoint) {
        this.maxInstancesPerEndpoint = checkedCount(maxInstancesPerEndpoint);
        limitsSaved();
    }

    /** How many GPUs (instances times GPUs per instance) may be live at once, or null for no limit. */
    public Integer getMaxGpus() {
        return maxGpus;
    }

    /**
     * Sets the limit on GPUs in total; null for none.
     *
     * @throws IllegalArgumentException when it is less than 1
     */
    @DataBoundSetter
    public void setMaxGpus(Integer maxGpus) {
        this.maxGpus = checkedCount(maxGpus);
        limitsSaved();
    }

    /**
     * The most all live endpoints may cost together per hour, in US dollars (the flavors' USD prices whatever the
     * payment type), as a decimal; null for no limit.
     */
    public String getMaxUsdPerHour() {
        return maxUsdPerHour;
    }

    /**
     * Sets the limit on US dollars per hour; blank for none.
     *
     * @throws IllegalArgumentException when it is not a positive amount
     */
    @DataBoundSetter
    public void setMaxUsdPerHour(String maxUsdPerHour) {
        Optional<String> problem = CapacityLimits.usd(maxUsdPerHour);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        String text = SettingChecks.blankToNull(maxUsdPerHour);
        this.maxUsdPerHour = text == null ? null : new BigDecimal(text).toPlainString();
        limitsSaved();
    }

    private static Integer checkedCount(Integer value) {
        if (value != null) {
            Optional<String> problem = CapacityLimits.count(value.toString());
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
        }
        return value;
    }

    private void limitsSaved() {
        save();
        ControllerCapacity.limitsChanged();
    }

    /** Checks a count limit field: a format check, so it needs no permission. */
    @POST
    public FormValidation doCheckMaxLiveEndpoints(@QueryParameter String value) {
        return validation(CapacityLimits.count(value));
    }

    /** Checks a count limit field: a format check, so it needs no permission. */
    @POST
    public FormValidation doCheckMaxInstancesPerEndpoint(@QueryParameter String value) {
        return validation(CapacityLimits.count(value));
    }

    /** Checks a count limit field: a format check, so it needs no permission. */
    @POST
    public FormValidation doCheckMaxGpus(@QueryParameter String value) {
        return validation(CapacityLimits.count(value));
    }

    /** Checks the dollar limit field: a format check, so it needs no permission. */
    @POST
    public FormValidation doCheckMaxUsdPerHour(@QueryParameter String value) {
        return validation(CapacityLimits.usd(value));
    }

    /** Checks the API URL field: a format check, so it needs no permission. */
    @POST
    public FormValidation doCheckApiUrl(@QueryParameter String value) {
        return validation(SettingChecks.apiUrl(value));
    }

    /** Checks the default timeout field: a format check, so it needs no permission. */
    @POST
    public FormValidation doCheckDefaultTimeoutMinutes(@QueryParameter String value) {
        return validation(SettingChecks.timeoutMinutes(value));
    }

    /** Checks the default readiness path field: a format check, so it needs no permission. */
    @POST
    public FormValidation doCheckDefaultReadinessPath(@QueryParameter String value) {
        return validation(SettingChecks.readinessPath(value));
    }

    /** Checks the default credentials field: a warning when none is chosen. Reveals which ids exist: admins only. */
    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (SettingChecks.blankToNull(value) == null) {
            return FormValidation.warning(Messages.NetMindGlobalConfiguration_noDefaultCredentials());
        }
        if (findGlobal(value) == null) {
            return FormValidation.error(Messages.NetMindConnector_unknownCredentials(value));
        }
        return FormValidation.ok();
    }

    /**
     * The Secret text credentials visible at the top level; only the current value for a user who may not administer
     * Jenkins (the credentials plugin's rule for consumers).
     */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(credentialsId);
        }
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(
                        ACL.SYSTEM2, Jenkins.get(), StringCredentials.class, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(credentialsId);
    }

    /** Lists the flavors the chosen token can see at the given URL, as a table. Calls NetMind: admins only. */
    @POST
    public FormValidation doTestConnection(@QueryParameter String apiUrl, @QueryParameter String credentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        Optional<String> urlProblem = SettingChecks.apiUrl(apiUrl);
        if (urlProblem.isPresent()) {
            return FormValidation.error(urlProblem.get());
        }
        if (SettingChecks.blankToNull(credentialsId) == null) {
            return FormValidation.error(Messages.NetMindGlobalConfiguration_testNeedsCredentials());
        }
        StringCredentials credential = findGlobal(credentialsId);
        if (credential == null) {
            return FormValidation.error(Messages.NetMindConnector_unknownCredentials(credentialsId));
        }
        NetMindClient client;
        try {
            client = NetMindConnector.connectWith(credential.getSecret().getPlainText(), apiUrl)
                    .client();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage()); // e.g. the proxy settings keep the token from NetMind
        }
        try {
            List<Flavor> flavors = client.listFlavors().get(TEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return FormValidation.okWithMarkup(FlavorSummary.describe(flavors));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormValidation.error(Messages.NetMindGlobalConfiguration_testInterrupted());
        } catch (TimeoutException e) {
            return FormValidation.error(Messages.NetMindGlobalConfiguration_testTimeout(TEST_TIMEOUT_SECONDS));
        } catch (ExecutionException e) {
            NetMindException failure = NetMindException.unwrap(e);
            String reason = failure != null ? failure.getMessage() : String.valueOf(e.getCause());
            return FormValidation.error(Messages.NetMindGlobalConfiguration_testFailed(reason));
        }
    }

    private static StringCredentials findGlobal(String credentialsId) {
        return CredentialsProvider.findCredentialByIdInItemGroup(
                credentialsId.trim(), StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
    }

    private static FormValidation validation(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
