package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** Stub. */
public abstract class StepDescriptor extends Descriptor<Step> {
    public StepDescriptor() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract Set<? extends Class<?>> getRequiredContext();

    public Set<? extends Class<?>> getProvidedContext() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isAdvanced() {
        throw new UnsupportedOperationException("stub");
    }
}
