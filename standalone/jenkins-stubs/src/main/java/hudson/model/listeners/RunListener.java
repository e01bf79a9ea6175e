package hudson.model.listeners;

import hudson.model.Run;
import hudson.model.TaskListener;

/** Stub. */
public abstract class RunListener<R extends Run> {
    protected RunListener() {
        throw new UnsupportedOperationException("stub");
    }

    protected RunListener(Class<R> targetType) {
        throw new UnsupportedOperationException("stub");
    }

    public void onCompleted(R r, TaskListener listener) {
        throw new UnsupportedOperationException("stub");
    }

    public void onFinalized(R r) {
        throw new UnsupportedOperationException("stub");
    }

    public void onInitialize(R r) {
        throw new UnsupportedOperationException("stub");
    }

    public void onStarted(R r, TaskListener listener) {
        throw new UnsupportedOperationException("stub");
    }

    public void onDeleted(R r) {
        throw new UnsupportedOperationException("stub");
    }
}
