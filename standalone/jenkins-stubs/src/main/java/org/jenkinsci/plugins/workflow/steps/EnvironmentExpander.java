package org.jenkinsci.plugins.workflow.steps;

import hudson.EnvVars;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/** Stub. */
public abstract class EnvironmentExpander implements Serializable {
    public EnvironmentExpander() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract void expand(EnvVars env) throws IOException, InterruptedException;

    public Set<String> getSensitiveVariables() {
        throw new UnsupportedOperationException("stub");
    }

    public static EnvironmentExpander constant(Map<String, String> env) {
        throw new UnsupportedOperationException("stub");
    }

    public static EnvironmentExpander merge(EnvironmentExpander original, EnvironmentExpander subsequent) {
        throw new UnsupportedOperationException("stub");
    }
}
