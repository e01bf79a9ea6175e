package hudson.tasks;

/** Stub. */
@Deprecated
public abstract class BuildStepCompatibilityLayer {
    public BuildStepCompatibilityLayer() {
        throw new UnsupportedOperationException("stub");
    }
}
