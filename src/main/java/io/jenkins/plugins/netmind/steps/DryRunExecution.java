package io.jenkins.plugins.netmind.steps;

import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.lifecycle.DeploySpec;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * {@code netmindDeploy(dryRun: true)}: resolves what the deploy would (credential, API URL, flavor, capacity left,
 * price) through {@link io.jenkins.plugins.netmind.lifecycle.EndpointEngine#plan} and creates nothing, so it records
 * nothing on the build either. Fails as the deploy would before creating. After a restart it simply asks again.
 */
final class DryRunExecution extends NetMindExecution {

    private static final long serialVersionUID = 1L;

    private final EndpointSettings settings;

    DryRunExecution(StepContext context, EndpointSettings settings) {
        super(context, settings.getCredentialsId());
        this.settings = settings;
    }

    @Override
    public boolean start() throws Exception {
        DeploySpec spec;
        try {
            spec = DeploySpecs.forBuild(run(), settings);
        } catch (RuntimeException e) {
            throw (Exception) StepFailures.forBuild(e);
        }
        inBackground(() -> plan(spec));
        return false;
    }

    @Override
    void resume() throws Exception {
        plan(DeploySpecs.forBuild(run(), settings));
    }

    private void plan(DeploySpec spec) throws Exception {
        Connection connection = connect();
        connection.engine().plan(spec, log()).whenComplete((plan, failure) -> {
            if (failure != null) {
                fail(failure);
            } else {
                succeed(DeployResults.toMap(plan));
            }
        });
    }

    @Override
    public String getStatus() {
        return "dry run: resolving a NetMind endpoint";
    }
}
