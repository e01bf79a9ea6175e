package hudson.model;

import hudson.tasks.BuildWrapper;
import hudson.tasks.Builder;
import hudson.tasks.Publisher;
import hudson.util.DescribableList;

/** Stub. */
public abstract class Project<P extends Project<P, B>, B extends Build<P, B>> extends AbstractProject<P, B> {
    protected Project(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException("stub");
    }

    public DescribableList<Builder, Descriptor<Builder>> getBuildersList() {
        throw new UnsupportedOperationException("stub");
    }

    public DescribableList<BuildWrapper, Descriptor<BuildWrapper>> getBuildWrappersList() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public DescribableList<Publisher, Descriptor<Publisher>> getPublishersList() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public boolean isFingerprintConfigured() {
        throw new UnsupportedOperationException("stub");
    }
}
