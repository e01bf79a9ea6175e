package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Descriptor;

/** Stub. */
public abstract class BuildWrapperDescriptor extends Descriptor<BuildWrapper> {
    protected BuildWrapperDescriptor() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract boolean isApplicable(AbstractProject<?, ?> item);
}
