package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;

/** Stub. */
public abstract class BodyInvoker {
    public BodyInvoker() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract BodyInvoker withContext(Object override);

    public abstract BodyInvoker withDisplayName(String name);

    public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

    public final BodyInvoker withCallback(FutureCallback<Object> callback) {
        throw new UnsupportedOperationException("stub");
    }

    public abstract BodyExecution start();
}
