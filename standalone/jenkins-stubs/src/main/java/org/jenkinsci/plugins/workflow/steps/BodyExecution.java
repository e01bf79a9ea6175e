package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.Collection;
import java.util.concurrent.Future;

/** Stub. */
public abstract class BodyExecution implements Future<Object>, Serializable {
    public BodyExecution() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract Collection<StepExecution> getCurrentExecutions();

    public boolean cancel(Throwable t) {
        throw new UnsupportedOperationException("stub");
    }

    @Deprecated
    @Override
    public boolean cancel(boolean b) {
        throw new UnsupportedOperationException("stub");
    }
}
