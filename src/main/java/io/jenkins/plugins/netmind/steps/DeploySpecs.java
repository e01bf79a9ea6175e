package io.jenkins.plugins.netmind.steps;

import hudson.model.Run;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.connection.ControllerIdentity;
import io.jenkins.plugins.netmind.lifecycle.DeploySpec;

/** The lifecycle's request for a build's endpoint settings, shared by the Pipeline steps and the freestyle wrapper. */
public final class DeploySpecs {

    private DeploySpecs() {}

    /**
     * The request for {@code settings} in {@code run}: the build ({@code folder/job #12}) goes into the generated name,
     * and the global settings give the default timeout and readiness path.
     *
     * @throws IllegalArgumentException or {@link io.jenkins.plugins.netmind.lifecycle.EndpointException} with a
     *     message that says what to change
     */
    public static DeploySpec forBuild(Run<?, ?> run, EndpointSettings settings) {
        return forOwner(run.getParent().getFullName() + " #" + run.getNumber(), settings);
    }

    /** As {@link #forBuild}, for {@code owner} (a job's full name, for its form's Validate button; or empty). */
    public static DeploySpec forOwner(String owner, EndpointSettings settings) {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        return settings.toDeploySpec(
                owner,
                config.getDefaultTimeoutMinutes(),
                config.getDefaultReadinessPath(),
                settings.lifetime(config.getDefaultMaxLifetimeMinutes(), config.getMaxLifetimeCeilingMinutes()),
                ControllerIdentity.id());
    }
}
