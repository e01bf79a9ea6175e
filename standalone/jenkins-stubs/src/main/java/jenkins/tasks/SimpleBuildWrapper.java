package jenkins.tasks;

import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/** Stub. */
public abstract class SimpleBuildWrapper extends BuildWrapper {
    public SimpleBuildWrapper() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean requiresWorkspace() {
        throw new UnsupportedOperationException("stub");
    }

    public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars initialEnvironment)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    /** Stub. */
    public static final class Context {
        @Deprecated
        public Context() {
            throw new UnsupportedOperationException("stub");
        }

        public void env(String key, String value) {
            throw new UnsupportedOperationException("stub");
        }

        public Map<String, String> getEnv() {
            throw new UnsupportedOperationException("stub");
        }

        public Disposer getDisposer() {
            throw new UnsupportedOperationException("stub");
        }

        public void setDisposer(Disposer disposer) {
            throw new UnsupportedOperationException("stub");
        }
    }

    /** Stub. */
    public abstract static class Disposer implements Serializable {
        public Disposer() {
            throw new UnsupportedOperationException("stub");
        }

        public void tearDown(Run<?, ?> build, TaskListener listener) throws IOException, InterruptedException {
            throw new UnsupportedOperationException("stub");
        }
    }
}
