package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Stub. */
public abstract class BodyExecutionCallback implements Serializable {
    public BodyExecutionCallback() {
        throw new UnsupportedOperationException("stub");
    }

    public void onStart(StepContext context) {
        throw new UnsupportedOperationException("stub");
    }

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);

    /** Stub. */
    public abstract static class TailCall extends BodyExecutionCallback {
        public TailCall() {
            throw new UnsupportedOperationException("stub");
        }

        protected abstract void finished(StepContext context) throws Exception;

        @Override
        public final void onSuccess(StepContext context, Object result) {
            throw new UnsupportedOperationException("stub");
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            throw new UnsupportedOperationException("stub");
        }
    }
}
