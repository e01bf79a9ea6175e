package io.jenkins.plugins.netmind.fleet;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.netmind.config.SettingChecks;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.connection.NetMindThreads;
import io.jenkins.plugins.netmind.steps.NetMindStepDescriptor;
import io.jenkins.plugins.netmind.steps.StepFailures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.springframework.security.core.Authentication;

/**
 * {@code netmindListEndpoints}: the rows of the NetMind endpoints page as a list of read-only maps, so that a script
 * can report or clean up. Without {@code credentialsId} it lists through every connection the controller knows and
 * needs Overall/Read; with one, through that credential only (looked up for the build, so the build must be allowed to
 * use it) and the global API URL. Holds no executor and no thread while NetMind answers.
 */
public final class NetmindListEndpointsStep extends Step {

    private String credentialsId;

    /** Lists through every connection unless told otherwise. */
    @DataBoundConstructor
    public NetmindListEndpointsStep() {}

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = SettingChecks.blankToNull(credentialsId == null ? null : credentialsId.trim());
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, credentialsId);
    }

    /** Lists without holding a thread while NetMind answers; listing changes nothing, so a resume lists again. */
    static final class Execution extends StepExecution {

        private static final long serialVersionUID = 1L;

        private final String credentialsId;

        Execution(StepContext context, String credentialsId) {
            super(context);
            this.credentialsId = credentialsId;
        }

        @Override
        public boolean start() throws Exception {
            if (credentialsId == null) {
                // the build's authentication: what it may read decides, not the plugin's SYSTEM threads
                Authentication auth = Jenkins.getAuthentication2();
                if (!Jenkins.get().hasPermission2(auth, Jenkins.READ)) {
                    throw new AbortException(Messages.NetmindListEndpointsStep_noRead(auth.getName()));
                }
            }
            list();
            return false;
        }

        @Override
        public void onResume() {
            list();
        }

        private void list() {
            NetMindThreads.executor().execute(() -> {
                try {
                    gather().whenComplete((view, failure) -> {
                        if (failure != null) {
                            getContext().onFailure(StepFailures.forBuild(failure));
                        } else {
                            deliver(view);
                        }
                    });
                } catch (Exception | LinkageError e) {
                    getContext().onFailure(StepFailures.forBuild(e));
                }
            });
        }

        private CompletableFuture<FleetView> gather() throws Exception {
            if (credentialsId == null) {
                return FleetService.gather(FleetService.STEP_WAIT);
            }
            Run<?, ?> run = getContext().get(Run.class);
            Connection connection = NetMindConnector.connect(run, credentialsId);
            return FleetService.gather(connection, FleetService.STEP_WAIT);
        }

        private void deliver(FleetView view) {
            try {
                TaskListener listener = getContext().get(TaskListener.class);
                for (String problem : view.getProblems()) {
                    listener.getLogger().println(problem);
                }
                listener.getLogger()
                        .println(Messages.NetmindListEndpointsStep_listed(
                                view.getEntries().size(), view.getConnections()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                // the log is gone: the result still goes to the script
            }
            ArrayList<Map<String, Object>> rows = FleetMaps.toMaps(view);
            getContext().onSuccess(rows);
        }

        @Override
        public String getStatus() {
            return "listing NetMind endpoints";
        }
    }

    /** The {@code netmindListEndpoints} step. */
    @Extension
    public static final class DescriptorImpl extends NetMindStepDescriptor {

        @Override
        public String getFunctionName() {
            return "netmindListEndpoints";
        }

        @Override
        public String getDisplayName() {
            return Messages.NetmindListEndpointsStep_DisplayName();
        }
    }
}
