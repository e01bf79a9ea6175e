package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** Stub. */
public abstract class BuildWrapper implements ExtensionPoint, Describable<BuildWrapper> {
    public BuildWrapper() {
        throw new UnsupportedOperationException("stub");
    }
}
