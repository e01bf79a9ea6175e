package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** Stub. */
@SuppressWarnings("deprecation")
public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
    public Builder() {
        throw new UnsupportedOperationException("stub");
    }
}
