package io.jenkins.plugins.netmind.steps;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What every NetMind step descriptor shares: the context it needs and the credentials drop-down. Form methods are
 * POST only and check the permission to configure the item (or to administer Jenkins outside an item) before they do
 * anything else.
 */
public abstract class NetMindStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    /** The Secret text credentials the item may use; empty means the global default. */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return NetMindForms.credentialsItems(item, credentialsId);
    }
}
