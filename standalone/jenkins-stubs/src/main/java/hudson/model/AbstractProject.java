package hudson.model;

import hudson.model.queue.QueueTaskFuture;
import hudson.tasks.Publisher;
import hudson.util.DescribableList;
import java.io.IOException;
import java.util.SortedMap;

/** Stub. */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R>
        implements Queue.Task {
    protected AbstractProject(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException("stub");
    }

    public abstract DescribableList<Publisher, Descriptor<Publisher>> getPublishersList();

    protected abstract Class<R> getBuildClass();

    public abstract boolean isFingerprintConfigured();

    @Override
    public boolean isBuildable() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    protected SortedMap<Integer, ? extends R> _getRuns() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void removeRun(R run) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public R createExecutable() throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public QueueTaskFuture<R> scheduleBuild2(int quietPeriod) {
        throw new UnsupportedOperationException("stub");
    }
}
